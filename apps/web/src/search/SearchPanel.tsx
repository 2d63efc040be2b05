import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { Channel, SearchQuery, SearchResults } from '@bonfire/sdk';
import { useAppState, useStore } from '../app/hooks';
import { navigate } from '../app/router';
import type { GuildState } from '../app/store';
import { capitalise, describeError, formatDateTime } from '../app/util';
import { splitHighlight } from './highlight';
import { Icon } from '../ui/Icon';
import { IconButton } from '../ui/IconButton';

const PAGE = 25;
type Has = 'link' | 'file' | 'image';

interface SearchPanelProps {
  channel: Channel;
  guildState: GuildState | undefined;
  onClose: () => void;
}

/**
 * Message search: the query syntax in one box (`from:alice in:#general has:image before:2026-01-01
 * "exact phrase"`) and the same filters as fields. Guild channels search the whole guild (or the chosen
 * channel); a DM searches itself.
 */
export function SearchPanel({ channel, guildState, onClose }: SearchPanelProps) {
  const store = useStore();
  const users = useAppState((state) => state.users);
  const [q, setQ] = useState('');
  const [authorId, setAuthorId] = useState('');
  const [channelId, setChannelId] = useState(guildState ? '' : channel.id);
  const [has, setHas] = useState<Has[]>([]);
  const [after, setAfter] = useState('');
  const [before, setBefore] = useState('');
  const [sort, setSort] = useState<'relevance' | 'newest' | 'oldest'>('newest');
  const [results, setResults] = useState<SearchResults | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const headingId = useId();

  useEffect(() => inputRef.current?.focus(), []);

  const textChannels = guildState?.channels.filter((candidate) => candidate.type === 'text') ?? [];
  const members = guildState ? Object.keys(guildState.members) : channel.recipientIds;

  const run = async (offset = 0) => {
    const query: SearchQuery = {
      ...(q.trim() ? { q: q.trim() } : {}),
      ...(authorId ? { authorId: [authorId] } : {}),
      ...(has.length ? { has } : {}),
      ...(after ? { after } : {}),
      ...(before ? { before } : {}),
      sort,
      limit: PAGE,
      offset,
    };
    setBusy(true);
    setError(null);
    try {
      const answer =
        guildState && !channelId
          ? await store.searchActions.guild(guildState.guild.id, query)
          : await store.searchActions.channel(channelId || channel.id, query);
      for (const hit of answer.messages) void store.ensureUser(hit.authorId);
      setResults(answer);
    } catch (caught) {
      setError(capitalise(describeError(caught)));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(0);
  };

  const channelName = (id: string) =>
    textChannels.find((candidate) => candidate.id === id)?.name ?? 'channel';

  return (
    <aside
      className="side-panel"
      aria-labelledby={headingId}
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <div className="panel-header">
        <h2 id={headingId}>Search</h2>
        <IconButton label="Close search" onClick={onClose}>
          <Icon name="close" />
        </IconButton>
      </div>
      <div className="panel-body">
        <form className="search-form" role="search" onSubmit={submit}>
          <div className="field">
            <label htmlFor="search-q">Search messages</label>
            <input
              id="search-q"
              ref={inputRef}
              type="search"
              value={q}
              onChange={(event) => setQ(event.target.value)}
              placeholder='hello from:alice has:image "exact phrase"'
              aria-describedby="search-syntax"
            />
            <p className="search-help" id="search-syntax">
              Syntax: <code>from:username</code> <code>mentions:username</code> <code>in:#channel</code>{' '}
              <code>has:link|file|image</code> <code>before:2026-01-31</code> <code>after:…</code>{' '}
              <code>pinned:true</code> <code>"exact phrase"</code>
            </p>
          </div>
          <div className="row">
            <div className="field">
              <label htmlFor="search-from">From</label>
              <select id="search-from" value={authorId} onChange={(event) => setAuthorId(event.target.value)}>
                <option value="">Anyone</option>
                {members.map((id) => (
                  <option key={id} value={id}>
                    {users[id]?.displayName ?? users[id]?.username ?? id}
                  </option>
                ))}
              </select>
            </div>
            {guildState ? (
              <div className="field">
                <label htmlFor="search-in">In</label>
                <select
                  id="search-in"
                  value={channelId}
                  onChange={(event) => setChannelId(event.target.value)}
                >
                  <option value="">All channels</option>
                  {textChannels.map((candidate) => (
                    <option key={candidate.id} value={candidate.id}>
                      #{candidate.name}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
          </div>
          <fieldset className="field" style={{ border: 0, padding: 0 }}>
            <legend className="label">Has</legend>
            <div className="row">
              {(['link', 'file', 'image'] as const).map((value) => (
                <label key={value} style={{ textTransform: 'none', fontWeight: 400, fontSize: 14 }}>
                  <input
                    type="checkbox"
                    checked={has.includes(value)}
                    onChange={(event) =>
                      setHas((current) =>
                        event.target.checked ? [...current, value] : current.filter((item) => item !== value),
                      )
                    }
                  />{' '}
                  {value}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="row">
            <div className="field">
              <label htmlFor="search-after">After</label>
              <input
                id="search-after"
                type="date"
                value={after}
                onChange={(event) => setAfter(event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="search-before">Before</label>
              <input
                id="search-before"
                type="date"
                value={before}
                onChange={(event) => setBefore(event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="search-sort">Sort</label>
              <select
                id="search-sort"
                value={sort}
                onChange={(event) => setSort(event.target.value as typeof sort)}
              >
                <option value="newest">Newest</option>
                <option value="oldest">Oldest</option>
                <option value="relevance">Relevance</option>
              </select>
            </div>
          </div>
          <button className="button" type="submit" disabled={busy}>
            {busy ? 'Searching…' : 'Search'}
          </button>
        </form>
        {error ? (
          <div className="alert" role="alert">
            {error}
          </div>
        ) : null}
        <div role="status" aria-live="polite" className="search-help" style={{ margin: '12px 0' }}>
          {results ? `${results.total} ${results.total === 1 ? 'result' : 'results'}` : ''}
        </div>
        {results ? (
          <ul className="search-results" aria-label="Search results">
            {results.messages.map((hit) => {
              const author = users[hit.authorId];
              const fragments = hit.highlights.length > 0 ? hit.highlights : [hit.content];
              return (
                <li key={hit.id}>
                  <button
                    className="search-hit"
                    aria-label={`Open message from ${author?.displayName ?? author?.username ?? 'someone'}: ${hit.content.slice(0, 80)}`}
                    onClick={() => {
                      store.jumpTo(hit.channelId, hit.id);
                      navigate(
                        hit.guildId
                          ? { page: 'guild', guildId: hit.guildId, channelId: hit.channelId }
                          : { page: 'home', channelId: hit.channelId },
                      );
                    }}
                  >
                    <div className="where">
                      {hit.guildId ? `#${channelName(hit.channelId)} · ` : ''}
                      {author?.displayName ?? author?.username ?? 'Someone'} · {formatDateTime(hit.createdAt)}
                    </div>
                    <div>
                      {fragments.map((fragment, index) => (
                        <p key={index} style={{ margin: '4px 0' }}>
                          {splitHighlight(fragment).map((part, partIndex) =>
                            part.marked ? (
                              <mark key={partIndex}>{part.text}</mark>
                            ) : (
                              <span key={partIndex}>{part.text}</span>
                            ),
                          )}
                        </p>
                      ))}
                    </div>
                  </button>
                </li>
              );
            })}
          </ul>
        ) : null}
        {results && results.offset + results.messages.length < results.total ? (
          <button
            className="button secondary"
            onClick={() => void run(results.offset + PAGE)}
            disabled={busy}
          >
            More results
          </button>
        ) : null}
      </div>
    </aside>
  );
}
