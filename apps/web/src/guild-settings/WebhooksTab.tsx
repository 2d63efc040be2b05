import type { Webhook } from '@bonfire/contracts';
import { useCallback, useEffect, useState } from 'react';
import { useStore } from '../app/hooks';
import type { GuildState } from '../app/store';
import { capitalise, describeError } from '../app/util';
import { WebhookList } from '../channel-settings/ChannelWebhooksTab';
import { Outcome } from './common';

/**
 * Every webhook of the server (MANAGE_WEBHOOKS), with its channel; delete here, create in a channel's
 * settings (a new webhook's URL is shown there, once).
 */
export function WebhooksTab({ guildState }: { guildState: GuildState }) {
  const store = useStore();
  const guildId = guildState.guild.id;
  const [webhooks, setWebhooks] = useState<Webhook[] | null>(null);
  const [outcome, setOutcome] = useState<{ text: string; error: boolean } | null>(null);

  const load = useCallback(async () => {
    try {
      setWebhooks(await store.guildContentActions.guildWebhooks(guildId));
    } catch (error) {
      setWebhooks([]);
      setOutcome({
        text: capitalise(`the webhooks could not be loaded: ${describeError(error)}`),
        error: true,
      });
    }
  }, [store, guildId]);

  useEffect(() => {
    void load();
  }, [load]);

  const channelName = (channelId: string) => {
    const channel = guildState.channels.find((candidate) => candidate.id === channelId);
    return channel ? `#${channel.name ?? ''}` : 'a channel you cannot see';
  };

  return (
    <section aria-labelledby="guild-webhooks-heading" className="settings-section">
      <h3 id="guild-webhooks-heading">Webhooks{webhooks ? ` — ${webhooks.length}` : ''}</h3>
      <p className="hint">To create a webhook, open the settings of the channel it should post in.</p>
      <Outcome outcome={outcome} />
      {webhooks === null ? <p>Loading…</p> : null}
      {webhooks?.length === 0 ? <p className="hint">This server has no webhooks.</p> : null}
      {webhooks ? (
        <WebhookList
          webhooks={webhooks}
          label="Webhooks of this server"
          channelName={channelName}
          onDeleted={(webhook) => {
            setWebhooks((current) => current?.filter((candidate) => candidate.id !== webhook.id) ?? null);
            setOutcome({ text: `Webhook ${webhook.name} deleted.`, error: false });
          }}
        />
      ) : null}
    </section>
  );
}
