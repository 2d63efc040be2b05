import { type FormEvent, useEffect, useState } from 'react';
import type { InstanceInvite } from '@bonfire/sdk';
import { useStore } from '../app/hooks';
import { formatDateTime } from '../app/util';
import { failed, type Outcome, OutcomeLine } from './AdminOutcome';

/** Instance invites: create, copy and revoke the codes that let people register while registration is invite only. */
export function InvitesSection() {
  const admin = useStore().adminActions;
  const [invites, setInvites] = useState<InstanceInvite[] | null>(null);
  const [maxUses, setMaxUses] = useState('1');
  const [maxAgeDays, setMaxAgeDays] = useState('7');
  const [outcome, setOutcome] = useState<Outcome>(null);
  useEffect(() => {
    admin.invites().then(setInvites, (error: unknown) => setOutcome(failed(error)));
  }, [admin]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const uses = Number(maxUses);
      const days = Number(maxAgeDays);
      const invite = await admin.createInvite({
        maxUses: uses > 0 ? uses : null,
        maxAgeSeconds: days > 0 ? Math.round(days * 86_400) : null,
      });
      setInvites((current) => [invite, ...(current ?? [])]);
      setOutcome({ text: `Invite ${invite.code} created.`, error: false });
    } catch (error) {
      setOutcome(failed(error));
    }
  };

  const revoke = async (code: string) => {
    try {
      await admin.deleteInvite(code);
      setInvites((current) => current?.filter((invite) => invite.code !== code) ?? null);
      setOutcome({ text: `Invite ${code} revoked.`, error: false });
    } catch (error) {
      setOutcome(failed(error));
    }
  };

  const copy = async (code: string) => {
    try {
      await navigator.clipboard.writeText(code);
      setOutcome({ text: `Invite ${code} copied.`, error: false });
    } catch {
      setOutcome({ text: `Copy the code by hand: ${code}`, error: false });
    }
  };

  return (
    <section aria-labelledby="admin-invites-heading">
      <h2 id="admin-invites-heading">Instance invites</h2>
      <p>Codes for registering while registration is invite only.</p>
      <form className="admin-row-form" onSubmit={create} aria-label="Create an instance invite">
        <div className="field">
          <label htmlFor="admin-invite-uses">Uses (0: unlimited)</label>
          <input
            id="admin-invite-uses"
            type="number"
            min={0}
            max={10000}
            value={maxUses}
            onChange={(e) => setMaxUses(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="admin-invite-days">Expires after days (0: never)</label>
          <input
            id="admin-invite-days"
            type="number"
            min={0}
            max={30}
            value={maxAgeDays}
            onChange={(e) => setMaxAgeDays(e.target.value)}
          />
        </div>
        <button className="button" type="submit">
          Create invite
        </button>
      </form>
      <OutcomeLine outcome={outcome} />
      {invites && invites.length === 0 ? <p>No instance invites.</p> : null}
      {invites && invites.length > 0 ? (
        <div className="admin-scroll">
          <table className="admin-table" aria-label="Instance invites">
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Uses</th>
                <th scope="col">Expires</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {invites.map((invite) => (
                <tr key={invite.code}>
                  <td>
                    <code>{invite.code}</code>
                  </td>
                  <td>
                    {invite.uses} / {invite.maxUses ?? '∞'}
                  </td>
                  <td>{invite.expiresAt ? formatDateTime(invite.expiresAt) : 'Never'}</td>
                  <td>
                    <button className="button secondary" onClick={() => void copy(invite.code)}>
                      Copy
                    </button>
                    <button
                      className="button danger"
                      aria-label={`Revoke invite ${invite.code}`}
                      onClick={() => void revoke(invite.code)}
                    >
                      Revoke
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
