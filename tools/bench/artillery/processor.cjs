// Functions of realtime.yml (artillery loads this file with require).
/* global module */
'use strict';

/** Content of a message this test sends: `art|<send epoch ms>|<sequence>` (the latency probe). */
let sent = 0;

/** beforeRequest of the POST: stamps the content with the send time. */
function stampContent(requestParams, context, events, next) {
  requestParams.json = { content: `art|${Date.now()}|${sent++}` };
  return next();
}

/**
 * A flow step: from now on this virtual user's socket records each message.created of this test as it
 * arrives — histogram `bonfire.dispatch_latency` (ms from the send time in the content), counter
 * `bonfire.dispatches` — and counts the other dispatches (`bonfire.dispatches_other`).
 */
function listenForDispatches(context, events, next) {
  const socket = context.sockets && context.sockets[''];
  if (!socket) return next(new Error('no socket.io socket on this virtual user'));
  socket.on('dispatch', (dispatch) => {
    const content = dispatch && dispatch.data && dispatch.data.message && dispatch.data.message.content;
    if (dispatch.type !== 'message.created' || typeof content !== 'string' || !content.startsWith('art|')) {
      events.emit('counter', 'bonfire.dispatches_other', 1);
      return;
    }
    events.emit('counter', 'bonfire.dispatches', 1);
    events.emit('histogram', 'bonfire.dispatch_latency', Date.now() - Number(content.split('|')[1]));
  });
  socket.on('disconnect', (reason) => {
    if (reason !== 'io client disconnect') events.emit('counter', `bonfire.disconnect.${reason}`, 1);
  });
  return next();
}

module.exports = { stampContent, listenForDispatches };
