import { useEffect, useRef, useState } from 'react';
import { useStore } from '../app/hooks';
import { capitalise, describeError } from '../app/util';
import { Dialog } from '../ui/Dialog';

/** Creates an invite (7 days, unlimited uses) and shows its link, ready to copy. */
export function InviteDialog({ guildId, onClose }: { guildId: string; onClose: () => void }) {
  const invites = useStore().guildContentActions;
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    invites.createInvite(guildId, { maxAgeSeconds: 7 * 24 * 3600 }).then(
      (invite) => setLink(`${window.location.origin}/invite/${invite.code}`),
      (caught: unknown) => setError(capitalise(describeError(caught))),
    );
  }, [invites, guildId]);

  const copy = async () => {
    if (!link) return;
    inputRef.current?.select();
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // Clipboard refused (no permission): the link stays selected for a manual copy.
    }
  };

  return (
    <Dialog title="Invite friends" onClose={onClose}>
      {error ? (
        <div className="alert" role="alert">
          {error}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="invite-link">Invite link</label>
        <div className="invite-code">
          <input
            id="invite-link"
            ref={inputRef}
            readOnly
            value={link ?? 'Creating…'}
            onFocus={(e) => e.target.select()}
          />
          <button className="button" onClick={copy} disabled={!link}>
            {copied ? 'Copied' : 'Copy'}
          </button>
        </div>
        <span className="search-help" role="status">
          {copied ? 'Link copied to the clipboard.' : 'The link expires in 7 days.'}
        </span>
      </div>
      <div className="actions">
        <button className="button secondary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
