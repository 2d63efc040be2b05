import type { AuditLogAction, AuditLogEntry, AuditLogUser } from '@bonfire/contracts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useAppState, useStore } from '../app/hooks';
import type { GuildState } from '../app/store';
import { capitalise, describeError, formatDateTime } from '../app/util';
import { Avatar } from '../ui/Avatar';
import { AUDIT_ACTION_OPTIONS, type AuditNames, describeAuditEntry } from './audit-log-text';
import { memberName, Outcome } from './common';

/** Entries per request; a full page means there may be older ones ("Load more"). */
const AUDIT_PAGE_SIZE = 50;

interface Loaded {
  entries: AuditLogEntry[];
  /** Older entries may exist. */
  more: boolean;
}

/**
 * The moderation audit log (VIEW_AUDIT_LOG): newest first, each entry as a sentence with who did it, when
 * and why; filters by who acted and by action; older entries page in with `before`. Not pushed live: it
 * loads when the tab opens, when a filter changes, and on "Refresh".
 */
export function AuditLogTab({ guildState }: { guildState: GuildState }) {
  const store = useStore();
  const users = useAppState((state) => state.users);
  const guildId = guildState.guild.id;
  const [userId, setUserId] = useState('');
  const [action, setAction] = useState<AuditLogAction | ''>('');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [outcome, setOutcome] = useState<{ text: string; error: boolean } | null>(null);
  // The users the server sent with the entries (actors and targets, including people who left).
  const [auditUsers, setAuditUsers] = useState<Record<string, AuditLogUser>>({});
  // Answers to a request made before the filters changed are dropped.
  const generation = useRef(0);

  useEffect(() => {
    void store.loadMembers(guildId);
  }, [store, guildId]);

  const fetchPage = useCallback(
    async (before: string | undefined) => {
      const page = await store.guildActions.auditLog(guildId, {
        limit: AUDIT_PAGE_SIZE,
        ...(userId ? { userId } : {}),
        ...(action ? { actionType: action } : {}),
        ...(before ? { before } : {}),
      });
      setAuditUsers((current) => {
        const next = { ...current };
        for (const user of page.users) next[user.id] = user;
        return next;
      });
      return { entries: page.entries, more: page.entries.length >= AUDIT_PAGE_SIZE };
    },
    [store, guildId, userId, action],
  );

  const load = useCallback(async () => {
    const mine = ++generation.current;
    setLoaded(null);
    setOutcome(null);
    try {
      const first = await fetchPage(undefined);
      if (mine === generation.current) setLoaded(first);
    } catch (error) {
      if (mine !== generation.current) return;
      setLoaded({ entries: [], more: false });
      setOutcome({
        text: capitalise(`the audit log could not be loaded: ${describeError(error)}`),
        error: true,
      });
    }
  }, [fetchPage]);

  useEffect(() => {
    void load();
  }, [load]);

  const loadMore = async () => {
    const oldest = loaded?.entries[loaded.entries.length - 1];
    if (!oldest) return;
    const mine = generation.current;
    setLoadingMore(true);
    try {
      const next = await fetchPage(oldest.id);
      if (mine !== generation.current) return;
      setLoaded((current) =>
        current ? { entries: [...current.entries, ...next.entries], more: next.more } : current,
      );
    } catch (error) {
      if (mine === generation.current) {
        setOutcome({
          text: capitalise(`older entries could not be loaded: ${describeError(error)}`),
          error: true,
        });
      }
    } finally {
      setLoadingMore(false);
    }
  };

  const names: AuditNames = useMemo(
    () => ({
      user: (id) => {
        const member = guildState.members[id];
        const known = users[id];
        const sent = auditUsers[id];
        if (member && known) return memberName(member, known);
        return known?.displayName ?? known?.username ?? sent?.displayName ?? sent?.username ?? 'Unknown user';
      },
      channel: (id) => {
        const channel = guildState.channels.find((candidate) => candidate.id === id);
        if (!channel) return null;
        return channel.type === 'text' ? `#${channel.name ?? ''}` : (channel.name ?? null);
      },
      role: (id) => guildState.roles.find((role) => role.id === id)?.name ?? null,
    }),
    [guildState, users, auditUsers],
  );

  const memberOptions = useMemo(
    () =>
      Object.values(guildState.members)
        .map((member) => ({ id: member.userId, name: memberName(member, users[member.userId]) }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [guildState.members, users],
  );

  const avatarOf = (id: string) => {
    const fileId = users[id]?.avatarFileId ?? auditUsers[id]?.avatarFileId ?? null;
    return fileId ? store.fileUrl(fileId, 'small') : null;
  };

  const filtered = userId !== '' || action !== '';

  return (
    <section aria-labelledby="audit-log-heading" className="settings-section">
      <h3 id="audit-log-heading">Audit log</h3>
      <p className="hint">What moderators did in this server, newest first, with the reason they gave.</p>
      <div className="invite-form" role="group" aria-label="Filter the audit log">
        <div className="field">
          <label htmlFor="audit-log-user">Filter by user</label>
          <select id="audit-log-user" value={userId} onChange={(e) => setUserId(e.target.value)}>
            <option value="">All users</option>
            {memberOptions.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-log-action">Filter by action</label>
          <select
            id="audit-log-action"
            value={action}
            onChange={(e) => setAction(e.target.value as AuditLogAction | '')}
          >
            <option value="">All actions</option>
            {AUDIT_ACTION_OPTIONS.map((option) => (
              <option key={option.action} value={option.action}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <button className="button secondary" type="button" onClick={() => void load()}>
          Refresh
        </button>
      </div>
      <Outcome outcome={outcome} />
      {loaded === null ? <p role="status">Loading…</p> : null}
      {loaded?.entries.length === 0 && !outcome?.error ? (
        <p className="hint">
          {filtered ? 'No entries match these filters.' : 'Nothing has been recorded in this server yet.'}
        </p>
      ) : null}
      <ul className="settings-list" aria-label="Audit log entries">
        {loaded?.entries.map((entry) => {
          const { sentence, changes } = describeAuditEntry(entry, names);
          const actor = names.user(entry.actorId);
          return (
            <li key={entry.id} className="settings-list-row audit-entry" aria-label={sentence}>
              <Avatar userId={entry.actorId} name={actor} imageUrl={avatarOf(entry.actorId)} />
              <span className="who">
                <span className="name">
                  {sentence}
                  {changes.length > 0 ? ':' : ''}
                </span>
                {changes.length > 0 ? (
                  <ul className="audit-changes" aria-label="Changes">
                    {changes.map((change, index) => (
                      <li key={index}>{change}</li>
                    ))}
                  </ul>
                ) : null}
                <span className="hint">
                  {entry.reason ? `Reason: ${entry.reason}` : 'No reason given'} ·{' '}
                  <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
                </span>
              </span>
            </li>
          );
        })}
      </ul>
      {loaded?.more ? (
        <button
          className="button secondary"
          type="button"
          disabled={loadingMore}
          onClick={() => void loadMore()}
        >
          {loadingMore ? 'Loading…' : 'Load more'}
        </button>
      ) : null}
    </section>
  );
}
