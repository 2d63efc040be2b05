import { type ReactNode, useState } from 'react';
import { useBlockedIds } from './relationships-store';

/**
 * A message from someone the user blocked is collapsed to "1 blocked message — Show" (Discord-like);
 * Show reveals it for this view only. Anyone else's message renders as is.
 */
export function BlockedMessageGate({ authorId, children }: { authorId: string; children: ReactNode }) {
  const blocked = useBlockedIds();
  const [shown, setShown] = useState(false);
  if (!blocked.has(authorId) || shown) return <>{children}</>;
  return (
    <div className="blocked-message" role="listitem" data-blocked-author={authorId}>
      <span>1 blocked message</span>
      <span aria-hidden="true">—</span>
      <button className="button link" onClick={() => setShown(true)}>
        Show<span className="visually-hidden"> blocked message</span>
      </button>
    </div>
  );
}
