import type { NotificationCreated } from '@bonfire/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webpush from 'web-push';
import { ChatTestApp } from '../testing/chat-test-app';
import { LocalPushService } from '@bonfire/platform/testing';
import { WebPushSender } from './web-push.sender';

describe('web push', () => {
  let app: ChatTestApp;
  let push: LocalPushService;
  const vapid = webpush.generateVAPIDKeys();

  beforeAll(async () => {
    push = await LocalPushService.start();
    app = await ChatTestApp.start({
      WEB_PUSH_VAPID_PUBLIC_KEY: vapid.publicKey,
      WEB_PUSH_VAPID_PRIVATE_KEY: vapid.privateKey,
      WEB_PUSH_VAPID_SUBJECT: 'mailto:ops@bonfire.test',
      CHAT_WEB_PUSH_ALLOW_HTTP: 'true',
      CHAT_WEB_PUSH_ALLOWED_PRIVATE_HOSTS: '127.0.0.1',
    });
  });

  afterAll(async () => {
    await app?.stop();
    await push?.stop();
  });

  it('pushes an encrypted notification the subscription can decrypt, and forgets a gone subscription', async () => {
    const me = await app.createUser();
    expect((await app.call('GET', '/api/v1/push/vapid-public-key', { as: me })).body).toEqual({
      publicKey: vapid.publicKey,
    });
    const subscribed = await app.call('POST', '/api/v1/users/@me/push-subscriptions', {
      as: me,
      body: push.subscription('/push/me'),
    });
    expect(subscribed.status).toBe(201);

    const note: NotificationCreated = {
      userId: me,
      guildId: null,
      channelId: '1234',
      messageId: '5678',
      author: { id: '42', name: 'alice' },
      guildName: null,
      channelName: null,
      preview: 'hello there',
      reason: 'dm',
    };
    const sender = app.service.app.get(WebPushSender);
    await sender.notify(note);
    expect(push.received).toHaveLength(1);
    const [received] = push.received;
    expect(received!.path).toBe('/push/me');
    expect(received!.headers['content-encoding']).toBe('aes128gcm');
    expect(received!.headers['authorization']).toMatch(new RegExp(`^vapid t=.+, k=${vapid.publicKey}$`));
    expect(received!.payload).toEqual({ type: 'notification', notification: note });

    // 410 from the push service: the subscription is deleted.
    push.status = 410;
    await sender.notify(note);
    expect(push.received).toHaveLength(2);
    expect((await app.call('GET', '/api/v1/users/@me/push-subscriptions', { as: me })).body).toEqual([]);
  });

  it('never connects to a name that resolves to a private address', async () => {
    const me = await app.createUser();
    const endpoint = push.subscription('/push/named').endpoint.replace('127.0.0.1', 'localhost');
    const subscribed = await app.call('POST', '/api/v1/users/@me/push-subscriptions', {
      as: me,
      body: { ...push.subscription(), endpoint },
    });
    expect(subscribed.status).toBe(201);
    const before = push.received.length;
    await app.service.app.get(WebPushSender).notify({
      userId: me,
      guildId: null,
      channelId: '1',
      messageId: '2',
      author: { id: '3', name: 'x' },
      guildName: null,
      channelName: null,
      preview: '',
      reason: 'dm',
    });
    expect(push.received.length).toBe(before);
  });
});
