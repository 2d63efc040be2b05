import { useCallback, useEffect, useState } from 'react';
import type { Ban } from '@bonfire/sdk';
import { useAppState, useStore } from '../app/hooks';
import type { GuildState } from '../app/store';
import { capitalise, describeError, formatDateTime } from '../app/util';
import { Outcome } from './common';

/** Who is banned, why, by whom and when; lifting a ban lets them join again with an invite. */
export function BansTab({ guildState }: { guildState: GuildState }) {
  const store = useStore();
  const users = useAppState((state) => state.users);
  const guildId = guildState.guild.id;
  const [bans, setBans] = useState<Ban[] | null>(null);
  const [outcome, setOutcome] = useState<{ text: string; error: boolean } | null>(null);

  const load = useCallback(async () => {
    try {
      const list = await store.guildActions.bans(guildId);
      for (const ban of list) {
        void store.ensureUser(ban.userId);
        void store.ensureUser(ban.moderatorId);
      }
      setBans(list);
    } catch (error) {
      setBans([]);
      setOutcome({ text: capitalise(`the bans could not be loaded: ${describeError(error)}`), error: true });
    }
  }, [store, guildId]);

  // Bans are not pushed live: the list loads when the tab opens and again when a member leaves.
  const memberCount = Object.keys(guildState.members).length;
  useEffect(() => {
    void load();
  }, [load, memberCount]);

  const nameOf = (userId: string) => {
    const user = users[userId];
    return user?.displayName ?? user?.username ?? 'Someone';
  };

  const unban = async (ban: Ban) => {
    try {
      await store.guildActions.unban(guildId, ban.userId);
      setBans((current) => current?.filter((candidate) => candidate.userId !== ban.userId) ?? null);
      setOutcome({ text: `${nameOf(ban.userId)} is no longer banned.`, error: false });
    } catch (error) {
      setOutcome({ text: capitalise(`the ban could not be lifted: ${describeError(error)}`), error: true });
    }
  };

  return (
    <section aria-labelledby="bans-heading" className="settings-section">
      <h3 id="bans-heading">Bans{bans ? ` — ${bans.length}` : ''}</h3>
      <Outcome outcome={outcome} />
      {bans === null ? <p>Loading…</p> : null}
      {bans?.length === 0 ? <p className="hint">Nobody is banned from this server.</p> : null}
      <ul className="settings-list" aria-label="Banned users">
        {bans?.map((ban) => (
          <li key={ban.userId} className="settings-list-row" aria-label={nameOf(ban.userId)}>
            <span className="who">
              <span className="name">
                {nameOf(ban.userId)} <span className="username">@{users[ban.userId]?.username ?? '…'}</span>
              </span>
              <span className="hint">
                {ban.reason ? `Reason: ${ban.reason}` : 'No reason given'} · by {nameOf(ban.moderatorId)},{' '}
                {formatDateTime(ban.createdAt)}
              </span>
            </span>
            <button
              className="button secondary"
              aria-label={`Lift the ban on ${nameOf(ban.userId)}`}
              onClick={() => void unban(ban)}
            >
              Unban
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
