/* Bonfire's service worker: shows Web Push notifications while no Bonfire window is focused, and opens
 * the message's channel on a click. Served by the gateway at /sw.js (scope: the whole app). The payload is
 * `{ type: 'notification', notification }` (notification.created), decrypted by the browser (RFC 8291). */
'use strict';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

function describe(note) {
  const title = note.guildId
    ? `${note.author.name} in #${note.channelName || 'channel'}${note.guildName ? ` (${note.guildName})` : ''}`
    : note.author.name;
  return { title, body: note.preview || 'New message' };
}

self.addEventListener('push', (event) => {
  let payload = null;
  try {
    payload = event.data ? event.data.json() : null;
  } catch {
    payload = null;
  }
  if (!payload || payload.type !== 'notification' || !payload.notification) return;
  const note = payload.notification;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      // A focused window shows it itself (or has the channel open): nothing to add.
      if (windows.some((client) => client.focused)) return undefined;
      const { title, body } = describe(note);
      const path = `/channels/${note.guildId || '@me'}/${note.channelId}`;
      // The tag is the message id: the page's own notification of the same message is replaced, not doubled.
      return self.registration.showNotification(title, {
        body,
        tag: note.messageId,
        icon: '/favicon.svg',
        data: { path },
      });
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const path = (event.notification.data && event.notification.data.path) || '/';
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const existing = windows.find((client) => new URL(client.url).origin === self.location.origin);
      if (existing) {
        return existing
          .focus()
          .then((client) => (client && 'navigate' in client ? client.navigate(path) : client));
      }
      return self.clients.openWindow(path);
    }),
  );
});
