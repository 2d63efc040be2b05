import type { Channel, CreatedWebhook, Webhook } from '@bonfire/contracts';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useAppState, useStore } from '../app/hooks';
import type { GuildState } from '../app/store';
import { capitalise, describeError, formatDateTime } from '../app/util';
import { ConfirmDialog, Outcome } from '../guild-settings/common';
import { Avatar } from '../ui/Avatar';

/** The URL that posts as the webhook: the gateway serves the client, so it is this origin. */
function webhookUrl(created: Pick<CreatedWebhook, 'url'>, origin = window.location.origin): string {
  return `${origin}${created.url}`;
}

/** The webhook as lists show it: no token, no URL. */
function withoutSecret(created: CreatedWebhook): Webhook {
  const { id, guildId, channelId, name, avatar, creatorId, createdAt } = created;
  return { id, guildId, channelId, name, avatar, creatorId, createdAt };
}

/**
 * A list of webhooks (name, avatar, who made it, when; where when `channelName` is given) with "Delete"
 * behind a confirmation. Shared by the channel's Webhooks tab and the server's.
 */
export function WebhookList({
  webhooks,
  label,
  channelName,
  onDeleted,
}: {
  webhooks: Webhook[];
  label: string;
  channelName?: (channelId: string) => string;
  onDeleted: (webhook: Webhook) => void;
}) {
  const store = useStore();
  const users = useAppState((state) => state.users);
  const [deleting, setDeleting] = useState<Webhook | null>(null);

  useEffect(() => {
    for (const webhook of webhooks) void store.ensureUser(webhook.creatorId);
  }, [store, webhooks]);

  const creator = (userId: string) => users[userId]?.displayName ?? users[userId]?.username ?? 'Someone';

  return (
    <>
      <ul className="settings-list" aria-label={label}>
        {webhooks.map((webhook) => (
          <li key={webhook.id} className="settings-list-row" aria-label={webhook.name}>
            <Avatar
              userId={webhook.id}
              name={webhook.name}
              imageUrl={webhook.avatar ? store.fileUrl(webhook.avatar, 'small') : null}
            />
            <span className="who">
              <span className="name">{webhook.name}</span>
              <span className="hint">
                {channelName ? `${channelName(webhook.channelId)} · ` : ''}created by{' '}
                {creator(webhook.creatorId)}, {formatDateTime(webhook.createdAt)}
              </span>
            </span>
            <button
              className="button secondary"
              aria-label={`Delete webhook ${webhook.name}`}
              onClick={() => setDeleting(webhook)}
            >
              Delete
            </button>
          </li>
        ))}
      </ul>
      {deleting ? (
        <ConfirmDialog
          title={`Delete webhook ${deleting.name}`}
          confirmLabel="Delete webhook"
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            // A refusal stays in the dialog, in plain words.
            await store.guildContentActions.deleteWebhook(deleting.id);
            setDeleting(null);
            onDeleted(deleting);
          }}
        >
          Programs using this webhook's URL will no longer be able to post. This cannot be undone.
        </ConfirmDialog>
      ) : null}
    </>
  );
}

/**
 * The channel's incoming webhooks (MANAGE_WEBHOOKS in the channel): list, create, delete. A new webhook's
 * URL carries its secret token and is shown once, right after it is made, with a copy button.
 */
export function ChannelWebhooksTab({ guildState, channel }: { guildState: GuildState; channel: Channel }) {
  const store = useStore();
  const [webhooks, setWebhooks] = useState<Webhook[] | null>(null);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ text: string; error: boolean } | null>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  const channelId = channel.id;
  const channelLabel = `#${channel.name ?? ''}`;

  const fail = useCallback(
    (what: string, error: unknown) =>
      setOutcome({ text: capitalise(`${what}: ${describeError(error)}`), error: true }),
    [],
  );

  const load = useCallback(async () => {
    try {
      setWebhooks(await store.guildContentActions.channelWebhooks(channelId));
    } catch (error) {
      setWebhooks([]);
      fail('the webhooks could not be loaded', error);
    }
  }, [store, channelId, fail]);

  useEffect(() => {
    void load();
  }, [load, guildState.guild.id]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const wanted = name.trim();
    if (!wanted) return;
    setBusy(true);
    try {
      const webhook = await store.guildContentActions.createWebhook(channelId, wanted);
      setWebhooks((current) => [withoutSecret(webhook), ...(current ?? [])]);
      setCreated(webhook);
      setCopied(false);
      setName('');
      setOutcome({ text: `Webhook ${webhook.name} created.`, error: false });
    } catch (error) {
      fail('the webhook could not be created', error);
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (!created) return;
    urlRef.current?.select();
    try {
      await navigator.clipboard.writeText(webhookUrl(created));
      setCopied(true);
    } catch {
      // Clipboard refused (no permission): the URL stays selected for a manual copy.
    }
  };

  return (
    <section aria-labelledby="webhooks-heading" className="settings-section">
      <h3 id="webhooks-heading">Webhooks</h3>
      <p className="hint">
        A webhook lets another program post messages in {channelLabel} without an account, under the webhook's
        name and with a BOT tag.
      </p>
      <form onSubmit={create} className="invite-form" aria-label="Create a webhook">
        <div className="field">
          <label htmlFor="webhook-name">Webhook name</label>
          <input
            id="webhook-name"
            value={name}
            maxLength={80}
            autoComplete="off"
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <button className="button" type="submit" disabled={busy || name.trim() === ''}>
          Create webhook
        </button>
      </form>
      {created ? (
        <div className="webhook-secret" role="group" aria-label={`New webhook ${created.name}`}>
          <div className="field">
            <label htmlFor="webhook-url">URL of webhook {created.name}</label>
            <div className="invite-code">
              <input
                id="webhook-url"
                ref={urlRef}
                readOnly
                value={webhookUrl(created)}
                onFocus={(e) => e.target.select()}
                aria-describedby="webhook-url-note"
              />
              <button className="button" type="button" onClick={() => void copy()}>
                {copied ? 'Copied' : 'Copy URL'}
              </button>
            </div>
            <span id="webhook-url-note" className="search-help" role="status">
              {copied
                ? 'URL copied to the clipboard.'
                : 'Copy this URL now: you will not see it again. Anyone who has it can post in this channel.'}
            </span>
          </div>
          <button className="button secondary" type="button" onClick={() => setCreated(null)}>
            I have copied it
          </button>
        </div>
      ) : null}
      <Outcome outcome={outcome} />
      {webhooks === null ? <p>Loading…</p> : null}
      {webhooks?.length === 0 ? <p className="hint">This channel has no webhooks.</p> : null}
      {webhooks ? (
        <WebhookList
          webhooks={webhooks}
          label={`Webhooks of ${channelLabel}`}
          onDeleted={(webhook) => {
            setWebhooks((current) => current?.filter((candidate) => candidate.id !== webhook.id) ?? null);
            if (created?.id === webhook.id) setCreated(null);
            setOutcome({ text: `Webhook ${webhook.name} deleted.`, error: false });
          }}
        />
      ) : null}
    </section>
  );
}
