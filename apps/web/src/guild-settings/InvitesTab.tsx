import { type FormEvent, useCallback, useEffect, useState } from 'react';
import type { Invite } from '@bonfire/sdk';
import { useAppState, useStore } from '../app/hooks';
import type { GuildState } from '../app/store';
import { capitalise, describeError, formatDateTime } from '../app/util';
import { Outcome } from './common';

const EXPIRY_OPTIONS: { seconds: number; label: string }[] = [
  { seconds: 30 * 60, label: '30 minutes' },
  { seconds: 60 * 60, label: '1 hour' },
  { seconds: 6 * 60 * 60, label: '6 hours' },
  { seconds: 12 * 60 * 60, label: '12 hours' },
  { seconds: 24 * 60 * 60, label: '1 day' },
  { seconds: 7 * 24 * 60 * 60, label: '7 days' },
  { seconds: 30 * 24 * 60 * 60, label: '30 days' },
  { seconds: 0, label: 'Never' },
];

const MAX_USES_OPTIONS = [0, 1, 5, 10, 25, 50, 100];

function usesText(invite: Pick<Invite, 'uses' | 'maxUses'>): string {
  return invite.maxUses ? `${invite.uses} of ${invite.maxUses} uses` : `${invite.uses} uses, no limit`;
}

function expiryText(invite: Pick<Invite, 'expiresAt'>, now = Date.now()): string {
  if (!invite.expiresAt) return 'never expires';
  return Date.parse(invite.expiresAt) <= now ? 'expired' : `expires ${formatDateTime(invite.expiresAt)}`;
}

/** Every invite of the server with its uses and expiry; revoke, or make one with limits. */
export function InvitesTab({ guildState }: { guildState: GuildState }) {
  const store = useStore();
  const users = useAppState((state) => state.users);
  const guildId = guildState.guild.id;
  const [invites, setInvites] = useState<Invite[] | null>(null);
  const [maxAge, setMaxAge] = useState(7 * 24 * 60 * 60);
  const [maxUses, setMaxUses] = useState(0);
  const [outcome, setOutcome] = useState<{ text: string; error: boolean } | null>(null);

  const fail = (what: string, error: unknown) =>
    setOutcome({ text: capitalise(`${what}: ${describeError(error)}`), error: true });

  const load = useCallback(async () => {
    try {
      const list = await store.guildContentActions.invites(guildId);
      for (const invite of list) void store.ensureUser(invite.inviterId);
      setInvites(list);
    } catch (error) {
      setInvites([]);
      fail('the invites could not be loaded', error);
    }
  }, [store, guildId]);

  useEffect(() => {
    void load();
  }, [load]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const invite = await store.guildContentActions.createInvite(guildId, {
        maxAgeSeconds: maxAge,
        maxUses,
      });
      setInvites((current) => [invite, ...(current ?? [])]);
      setOutcome({ text: `Invite created: ${window.location.origin}/invite/${invite.code}`, error: false });
    } catch (error) {
      fail('the invite could not be created', error);
    }
  };

  const revoke = async (invite: Invite) => {
    try {
      await store.guildContentActions.revokeInvite(invite.code);
      setInvites((current) => current?.filter((candidate) => candidate.code !== invite.code) ?? null);
      setOutcome({ text: `Invite ${invite.code} revoked.`, error: false });
    } catch (error) {
      fail('the invite could not be revoked', error);
    }
  };

  const inviter = (userId: string) => users[userId]?.displayName ?? users[userId]?.username ?? 'Someone';

  return (
    <section aria-labelledby="invites-heading" className="settings-section">
      <h3 id="invites-heading">Invites</h3>
      <form onSubmit={create} className="invite-form" aria-label="Create an invite">
        <div className="field">
          <label htmlFor="invite-expiry">Expire after</label>
          <select id="invite-expiry" value={maxAge} onChange={(e) => setMaxAge(Number(e.target.value))}>
            {EXPIRY_OPTIONS.map((option) => (
              <option key={option.seconds} value={option.seconds}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="invite-max-uses">Max number of uses</label>
          <select id="invite-max-uses" value={maxUses} onChange={(e) => setMaxUses(Number(e.target.value))}>
            {MAX_USES_OPTIONS.map((uses) => (
              <option key={uses} value={uses}>
                {uses === 0 ? 'No limit' : `${uses} ${uses === 1 ? 'use' : 'uses'}`}
              </option>
            ))}
          </select>
        </div>
        <button className="button" type="submit">
          Create invite
        </button>
      </form>
      <Outcome outcome={outcome} />
      {invites === null ? <p>Loading…</p> : null}
      {invites?.length === 0 ? <p className="hint">No active invites.</p> : null}
      <ul className="settings-list" aria-label="Active invites">
        {invites?.map((invite) => (
          <li key={invite.code} className="settings-list-row" aria-label={`Invite ${invite.code}`}>
            <span className="who">
              <code className="name">{invite.code}</code>
              <span className="hint">
                by {inviter(invite.inviterId)} · {usesText(invite)} · {expiryText(invite)}
              </span>
            </span>
            <button
              className="button secondary"
              aria-label={`Revoke invite ${invite.code}`}
              onClick={() => void revoke(invite)}
            >
              Revoke
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
