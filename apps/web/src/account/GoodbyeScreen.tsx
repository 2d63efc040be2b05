import { useEffect, useRef } from 'react';
import { navigate } from '../app/router';
import { dismissGoodbye, useAccountDeleted } from './goodbye';

/** Shown once the account is deleted: what happened, and the way back to the start page. */
export function GoodbyeScreen() {
  const deleted = useAccountDeleted();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (deleted) headingRef.current?.focus();
  }, [deleted]);

  if (!deleted) return null;
  return (
    <div
      className="goodbye-screen"
      role="dialog"
      aria-modal="true"
      aria-labelledby="goodbye-heading"
      style={{
        position: 'fixed',
        inset: 0,
        zIndex: 1000,
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        gap: 16,
        padding: 24,
        textAlign: 'center',
        background: 'var(--bg, #1e1f22)',
      }}
    >
      <h1 id="goodbye-heading" ref={headingRef} tabIndex={-1}>
        Your account is deleted
      </h1>
      <p>
        You are signed out everywhere. Your profile, friends and files are gone; the messages you sent are
        shown as “Deleted user” or removed, as this instance decides. Goodbye, and thanks for the warmth.
      </p>
      <button
        className="button"
        onClick={() => {
          dismissGoodbye();
          navigate('/login', { replace: true });
        }}
      >
        Back to the start page
      </button>
    </div>
  );
}
