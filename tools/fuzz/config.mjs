// The schemathesis.toml for one run, naming the seeded ids. Real ids are drawn most of the time (so the
// fuzzer gets past 404 into the routes' logic), generated ones otherwise (so odd ids are tried too).

const REAL_ID_PROBABILITY = 0.8;
// Schemathesis' own defaults, which the [[operations]] blocks below extend. The 4xx among the positive ones
// are further narrowed to the codes named for the operation (hooks.py).
const POSITIVE_DEFAULT = ['2xx', '3xx', '401', '403', '404', '409', '429', '5xx'];
// Plus 413: a body over the body limit is refused before it is read, whatever else is wrong with it.
const NEGATIVE_DEFAULT = [
  '400',
  '401',
  '403',
  '404',
  '405',
  '406',
  '409',
  '413',
  '415',
  '422',
  '428',
  '429',
  '5xx',
];

/**
 * Refusals of schema-valid requests that are the API's documented rules, not lies of the document: they
 * depend on the state the request meets (a channel's type, who owns a guild, which ids exist, a cap already
 * reached) or on a rule between fields, or on deployment configuration, none of which a JSON Schema can
 * state. Each entry is [operation, status, refusal, reason]: it allows only that status on only that
 * operation, and only with that error code (tools/fuzz/hooks.py checks it); `VALIDATION_FAILED f1 f2…`
 * allows VALIDATION_FAILED naming only those fields (`*` stands for an array index). A 5xx is never allowed.
 *
 * 403, 404, 409 and 429 (a permission, an id that does not exist, a conflict, a lockout) need no entry
 * when the API document names the code for that operation and status (`404: UNKNOWN_CHANNEL or
 * UNKNOWN_USER`): see documentedRefusals. A code the document does not name there is a finding.
 */
export const ACCEPTED_REFUSALS = [
  ['DELETE /api/v1/channels/{channelId}/recipients/{userId}', '400', 'NOT_GROUP_DM', 'the channel type'],
  ['PUT /api/v1/channels/{channelId}/recipients/{userId}', '400', 'NOT_GROUP_DM', 'the channel type'],
  ['PUT /api/v1/channels/{channelId}/recipients/{userId}', '400', 'GROUP_DM_FULL', 'the group is full'],
  [
    'PUT /api/v1/channels/{channelId}/recipients/{userId}',
    '400',
    'TOO_MANY_GROUP_DMS',
    'that user is in CHAT_MAX_GROUP_DMS_PER_USER group DMs already',
  ],
  ['DELETE /api/v1/guilds/{guildId}/roles/{roleId}', '400', 'EVERYONE_ROLE', '@everyone has the guild id'],
  [
    'PATCH /api/v1/guilds/{guildId}/roles/{roleId}',
    '400',
    'VALIDATION_FAILED body.name body.position',
    '@everyone keeps its name and position',
  ],
  ['DELETE /api/v1/users/@me/guilds/{guildId}', '400', 'OWNER_CANNOT_LEAVE', 'who owns the guild'],
  [
    'PATCH /api/v1/channels/{channelId}',
    '400',
    'VALIDATION_FAILED body.name body.topic body.slowmodeSeconds body.userLimit body.parentId body.position body.archived body.locked body.autoArchiveMinutes body.invitable',
    'these fields depend on the channel type (a null name clears a group DM’s, a guild channel needs one; threads have only name, archived, locked, autoArchiveMinutes and, private ones, invitable); parent must be a category',
  ],
  [
    'POST /api/v1/guilds/{guildId}/channels',
    '400',
    'VALIDATION_FAILED body.topic body.slowmodeSeconds body.userLimit body.parentId body.permissionOverwrites body.permissionOverwrites.*.id',
    'fields per channel type; parent must be a category; one overwrite per existing role or member',
  ],
  [
    'POST /api/v1/guilds/{guildId}/channels',
    '400',
    'TOO_MANY_CHANNELS',
    'the guild has CHAT_LIMITS.channelsPerGuild channels',
  ],
  [
    'POST /api/v1/guilds/{guildId}/roles',
    '400',
    'TOO_MANY_ROLES',
    'the guild has CHAT_LIMITS.rolesPerGuild roles',
  ],
  ['PATCH /api/v1/guilds/{guildId}', '400', 'VALIDATION_FAILED body.ownerId', 'ownerId must name a member'],
  [
    'POST /api/v1/guilds/{guildId}/owner',
    '400',
    'VALIDATION_FAILED body.userId',
    'userId must name a member',
  ],
  [
    'PATCH /api/v1/guilds/{guildId}/channels',
    '400',
    'VALIDATION_FAILED body body.*.id body.*.parentId',
    'unique ids, naming channels of the guild; parents must be categories',
  ],
  [
    'PATCH /api/v1/guilds/{guildId}/roles',
    '400',
    'VALIDATION_FAILED body body.*.id',
    'unique ids, naming roles of the guild (not @everyone)',
  ],
  [
    'PATCH /api/v1/guilds/{guildId}/members/{userId}',
    '400',
    'VALIDATION_FAILED body.roleIds body.roleIds.*',
    'roleIds must be unique roles of the guild',
  ],
  [
    'POST /api/v1/guilds/{guildId}/invites',
    '400',
    'VALIDATION_FAILED body.channelId',
    'channelId must name a channel of the guild',
  ],
  [
    'POST /api/v1/guilds/{guildId}/invites',
    '400',
    'TOO_MANY_INVITES',
    'the guild has CHAT_MAX_INVITES_PER_GUILD active invites',
  ],
  ['POST /api/v1/guilds', '400', 'TOO_MANY_GUILDS', 'the caller is in CHAT_LIMITS.guildsPerUser guilds'],
  [
    'POST /api/v1/invites/{code}',
    '400',
    'TOO_MANY_GUILDS',
    'the caller is in CHAT_LIMITS.guildsPerUser guilds',
  ],
  ['POST /api/v1/channels/{channelId}/voice', '400', 'NOT_VOICE_CHANNEL', 'the channel type'],
  [
    'PATCH /api/v1/guilds/{guildId}/voice-states/{userId}',
    '400',
    'NOT_VOICE_CHANNEL',
    'moving someone needs a voice channel id',
  ],
  [
    'GET /api/v1/channels/{channelId}/messages',
    '400',
    'VALIDATION_FAILED query.before query.after query.around',
    'one cursor at most (before, after or around), of this channel',
  ],
  [
    'POST /api/v1/channels/{channelId}/messages',
    '400',
    'VALIDATION_FAILED body.content body.replyTo',
    'content must not be blank unless attachments are sent; replyTo must be a message of the channel',
  ],
  [
    'POST /api/v1/channels/{channelId}/messages',
    '400',
    'INVALID_CHANNEL_TYPE',
    'voice channels and categories hold no messages',
  ],
  [
    'POST /api/v1/channels/{channelId}/messages',
    '400',
    'INVALID_ATTACHMENT body.attachments',
    'attachments must be completed uploads of the caller for this channel, not used by another message',
  ],
  [
    'PATCH /api/v1/channels/{channelId}/messages/{messageId}',
    '400',
    'VALIDATION_FAILED body.content',
    'content must not be blank',
  ],
  [
    'POST /api/v1/users/@me/channels',
    '400',
    'VALIDATION_FAILED body.recipientId body.name',
    'recipientId or recipientIds, not both; only group DMs have a name',
  ],
  ['POST /api/v1/users/@me/channels', '400', 'CANNOT_DM_SELF', 'recipientId is the caller'],
  [
    'POST /api/v1/users/@me/channels',
    '400',
    'TOO_MANY_GROUP_DMS',
    'the caller or a recipient is in CHAT_MAX_GROUP_DMS_PER_USER group DMs already',
  ],
  [
    'GET /api/v1/channels/{channelId}/messages/{messageId}/reactions/{emoji}',
    '400',
    'INVALID_EMOJI',
    'one emoji',
  ],
  [
    'PUT /api/v1/channels/{channelId}/messages/{messageId}/reactions/{emoji}/@me',
    '400',
    'INVALID_EMOJI',
    'one emoji',
  ],
  [
    'PUT /api/v1/channels/{channelId}/messages/{messageId}/reactions/{emoji}/@me',
    '400',
    'TOO_MANY_REACTIONS',
    '20 distinct emoji per message',
  ],
  [
    'DELETE /api/v1/channels/{channelId}/messages/{messageId}/reactions/{emoji}/@me',
    '400',
    'INVALID_EMOJI',
    'one emoji',
  ],
  ['PUT /api/v1/channels/{channelId}/pins/{messageId}', '400', 'TOO_MANY_PINS', '50 pins per channel'],
  // Threads live in guild text channels; the thread routes take a thread.
  ...[
    'POST /api/v1/channels/{channelId}/messages/{messageId}/threads',
    'POST /api/v1/channels/{channelId}/threads',
    'GET /api/v1/channels/{channelId}/threads/active',
    'GET /api/v1/channels/{channelId}/threads/archived',
    'GET /api/v1/channels/{channelId}/thread-members',
    'PUT /api/v1/channels/{channelId}/thread-members/@me',
    'DELETE /api/v1/channels/{channelId}/thread-members/@me',
    'PUT /api/v1/channels/{channelId}/thread-members/{userId}',
    'DELETE /api/v1/channels/{channelId}/thread-members/{userId}',
  ].map((label) => [label, '400', 'INVALID_CHANNEL_TYPE', 'the channel type (a text channel, or a thread)']),
  ...[
    'POST /api/v1/channels/{channelId}/messages/{messageId}/threads',
    'POST /api/v1/channels/{channelId}/threads',
  ].map((label) => [label, '400', 'VALIDATION_FAILED body.name', 'the name must not be blank']),
  ...[
    'PUT /api/v1/channels/{channelId}/thread-members/@me',
    'PUT /api/v1/channels/{channelId}/thread-members/{userId}',
  ].map((label) => [label, '400', 'THREAD_ARCHIVED', 'nobody joins an archived thread']),
  ...['GET', 'POST'].map((method) => [
    `${method} /api/v1/channels/{channelId}/webhooks`,
    '400',
    'INVALID_CHANNEL_TYPE',
    'only guild text channels have webhooks',
  ]),
  [
    'POST /api/v1/channels/{channelId}/webhooks',
    '400',
    'VALIDATION_FAILED body.name',
    'the name must not be blank',
  ],
  ...['POST /api/v1/channels/{channelId}/webhooks', 'PATCH /api/v1/webhooks/{webhookId}'].map((label) => [
    label,
    '400',
    'TOO_MANY_WEBHOOKS',
    '15 webhooks per channel',
  ]),
  [
    'PATCH /api/v1/webhooks/{webhookId}',
    '400',
    'VALIDATION_FAILED body.name body.channelId',
    'the name must not be blank; channelId must be a text channel of the same guild',
  ],
  [
    'POST /api/v1/webhooks/{webhookId}/{token}',
    '400',
    'VALIDATION_FAILED body.content body.username',
    'content and username must not be blank',
  ],
  ...['channels/{channelId}', 'guilds/{guildId}'].flatMap((scope) => [
    [
      `GET /api/v1/${scope}/messages/search`,
      '400',
      'VALIDATION_FAILED query.before query.after query.limit query.offset query.pinned query.sort query.has.* query.authorId.* query.mentions.*',
      'search parameters are documented as plain strings; dates, ids, numbers and enums are checked by search',
    ],
    [`GET /api/v1/${scope}/messages/search`, '400', 'INVALID_QUERY', 'search syntax'],
  ]),
  [
    'POST /api/v1/channels/{channelId}/attachments',
    '413',
    'PAYLOAD_TOO_LARGE',
    'FILE_MAX_* is configuration',
  ],
  [
    'POST /api/v1/attachments/{fileId}/complete',
    '413',
    'PAYLOAD_TOO_LARGE',
    'FILE_BODY_LIMIT is configuration: it holds the parts the configured sizes need, not S3’s 10,000',
  ],
  [
    'POST /api/v1/auth/register',
    '400',
    'WEAK_PASSWORD body.password',
    'the password policy: not the email or the username',
  ],
  [
    'POST /api/v1/auth/password',
    '400',
    'WEAK_PASSWORD body.newPassword',
    'the password policy: not the email or the username',
  ],
  ...[
    'POST /api/v1/auth/verify-email',
    'POST /api/v1/auth/password-reset/confirm',
    'POST /api/v1/auth/email-change/confirm',
  ].map((label) => [
    label,
    '400',
    'INVALID_TOKEN',
    'the token must be one a mail carried, unused and unexpired',
  ]),
  [
    'POST /api/v1/auth/password-reset/confirm',
    '400',
    'WEAK_PASSWORD body.password',
    'the password policy: not the email or the username',
  ],
  [
    'PATCH /api/v1/users/@me/email',
    '400',
    'EMAIL_UNCHANGED',
    'the new address must differ from the current one',
  ],
  [
    'POST /api/v1/oauth2/authorize',
    '400',
    'TOO_MANY_ROLES',
    'the bot’s role would exceed CHAT_LIMITS.rolesPerGuild',
  ],
  [
    'POST /api/v1/oauth2/authorize',
    '400',
    'TOO_MANY_GUILDS',
    'the bot is in CHAT_LIMITS.guildsPerUser guilds already',
  ],
  ['POST /api/v1/users/@me/avatar', '400', 'UNSUPPORTED_TYPE', 'FILE_AVATAR_TYPES is configuration'],
  ['POST /api/v1/users/@me/avatar', '413', 'PAYLOAD_TOO_LARGE', 'FILE_MAX_AVATAR_BYTES is configuration'],
  ['POST /api/v1/guilds/{guildId}/icon', '400', 'UNSUPPORTED_TYPE', 'FILE_AVATAR_TYPES is configuration'],
  [
    'POST /api/v1/guilds/{guildId}/icon',
    '413',
    'PAYLOAD_TOO_LARGE',
    'FILE_MAX_AVATAR_BYTES is configuration',
  ],
  // custom emoji (issue 20)
  ['POST /api/v1/guilds/{guildId}/emoji-uploads', '400', 'UNSUPPORTED_TYPE', 'emoji are PNG, GIF or WebP'],
  [
    'POST /api/v1/guilds/{guildId}/emoji-uploads',
    '413',
    'PAYLOAD_TOO_LARGE',
    'FILE_MAX_EMOJI_BYTES is configuration',
  ],
  [
    'POST /api/v1/guilds/{guildId}/emojis',
    '400',
    'INVALID_EMOJI_FILE',
    'fileId must name a completed emoji upload of the caller for this guild, not yet an emoji',
  ],
  ['POST /api/v1/guilds/{guildId}/emojis', '400', 'EMOJI_NAME_TAKEN', 'which names the guild has'],
  ['POST /api/v1/guilds/{guildId}/emojis', '400', 'TOO_MANY_EMOJIS', 'the guild’s emoji caps'],
  ['PATCH /api/v1/guilds/{guildId}/emojis/{emojiId}', '400', 'EMOJI_NAME_TAKEN', 'which names the guild has'],
  // relationships (issue 20): who the other user is and what is between us
  ...['POST /api/v1/users/@me/relationships', 'PUT /api/v1/users/@me/relationships/{userId}'].flatMap(
    (label) => [
      [label, '400', 'CANNOT_FRIEND_SELF', 'the user is the caller'],
      [label, '400', 'CANNOT_FRIEND_BOT', 'bots have no friends'],
      [label, '400', 'ALREADY_FRIENDS', 'the relationship as it stands'],
      [label, '400', 'USER_BLOCKED', 'the caller blocked that user'],
    ],
  ),
  ['PUT /api/v1/users/@me/relationships/{userId}', '400', 'CANNOT_BLOCK_SELF', 'the user is the caller'],
  // notification settings: a timed mute with `muted: false` contradicts itself
  ...[
    'PATCH /api/v1/users/@me/guilds/{guildId}/notification-settings',
    'PUT /api/v1/users/@me/channels/{channelId}/notification-settings',
  ].map((label) => [label, '400', 'VALIDATION_FAILED body.muteSeconds', 'muteSeconds with muted: false']),
];

/** Statuses whose codes the API document names per operation: these refusals need no entry above. */
const DOCUMENTED_REFUSAL_STATUSES = ['403', '404', '409', '429'];
const ERROR_CODE = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\b/g;
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/**
 * The codes the API document names for each operation's 403, 404, 409 and 429 answers (in the response
 * descriptions, e.g. "UNKNOWN_GUILD (not a member)"): { "METHOD /path": { "404": ["UNKNOWN_GUILD"] } }.
 */
export function documentedRefusals(spec) {
  const refusals = {};
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      if (!HTTP_METHODS.includes(method)) continue;
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (!DOCUMENTED_REFUSAL_STATUSES.includes(status)) continue;
        const codes = (response.description ?? '').match(ERROR_CODE) ?? [];
        const named = codes.filter((code) => code.length >= 4);
        if (named.length === 0) continue;
        const label = `${method.toUpperCase()} ${path}`;
        refusals[label] ??= {};
        refusals[label][status] = [...new Set(named)];
      }
    }
  }
  return refusals;
}

/**
 * The fixtures the whole run leans on, kept from the operations that would destroy them or take them out of
 * the fuzzer's hands: such a call naming one is sent to its spare instead (tools/fuzz/hooks.py, before every
 * request of every phase: the dictionaries below steer only part of the generated ids). Without it, one
 * early `DELETE /guilds/{id}` of the fuzzed guild turns the rest of the run into 404s.
 */
export function protectedFixtures(f) {
  const rule = (operation, parameter, from, to, bodyField) => ({ operation, parameter, from, to, bodyField });
  return [
    rule('DELETE /api/v1/guilds/{guildId}', 'guildId', [f.guildId], f.spareGuildId),
    rule('POST /api/v1/guilds/{guildId}/owner', 'guildId', [f.guildId], f.spareGuildId),
    rule('PATCH /api/v1/guilds/{guildId}', 'guildId', [f.guildId], f.spareGuildId, 'ownerId'),
    rule(
      'DELETE /api/v1/channels/{channelId}',
      'channelId',
      [f.channelId, f.voiceChannelId],
      f.spareChannelId,
    ),
    rule(
      'DELETE /api/v1/channels/{channelId}/messages/{messageId}',
      'messageId',
      [f.messageId],
      f.spareMessageId,
    ),
    rule('DELETE /api/v1/guilds/{guildId}/roles/{roleId}', 'roleId', [f.roleId], f.spareRoleId),
    rule('DELETE /api/v1/invites/{code}', 'code', [f.inviteCode], f.spareInviteCode),
  ];
}

/**
 * What tools/fuzz/hooks.py reads: `operations`, the refusals it accepts per operation and status ({ label:
 * { status: [{ code, fields }] } }; fields null: any, else only those), and `protect` (protectedFixtures).
 */
export function fuzzRules(spec, fixtures) {
  return { ...refusalAllowances(spec), protect: protectedFixtures(fixtures) };
}

/** The refusals hooks.py accepts: { operations: { label: { status: [{ code, fields }] } } }. */
export function refusalAllowances(spec) {
  const operations = {};
  const add = (label, status, rule) => {
    operations[label] ??= {};
    (operations[label][status] ??= []).push(rule);
  };
  for (const [label, statuses] of Object.entries(documentedRefusals(spec))) {
    for (const [status, codes] of Object.entries(statuses)) {
      for (const code of codes) add(label, status, { code, fields: null });
    }
  }
  const known = new Set(
    Object.entries(spec.paths ?? {}).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((method) => HTTP_METHODS.includes(method))
        .map((method) => `${method.toUpperCase()} ${path}`),
    ),
  );
  for (const [label, status, refusal] of ACCEPTED_REFUSALS) {
    if (!known.has(label)) throw new Error(`ACCEPTED_REFUSALS names ${label}, which the document lacks`);
    const [code, ...fields] = refusal.split(' ');
    if (code === 'VALIDATION_FAILED' && fields.length === 0)
      throw new Error(`ACCEPTED_REFUSALS: ${label} ${status} VALIDATION_FAILED must list its fields`);
    add(label, status, { code, fields: fields.length ? fields : null });
  }
  return { operations };
}

/** Schema-invalid requests the API accepts on purpose. */
export const ACCEPTED_LENIENCE = [
  // The server's rule is the documented pattern; Python's `format: email` check is stricter than it.
  ['POST /api/v1/auth/register', '201', 'email: the pattern is the rule, not Python’s idea of format: email'],
  ...['POST /api/v1/auth/password-reset', 'POST /api/v1/auth/verify-email/resend'].map((label) => [
    label,
    '202',
    'email: the pattern is the rule, not Python’s idea of format: email',
  ]),
];

const toml = (value) => JSON.stringify(String(value));

function dictionaries(entries) {
  return Object.entries(entries)
    .map(([name, values]) => `[dictionaries.${name}]\nvalues = [${values.map(toml).join(', ')}]\n`)
    .join('\n');
}

function bind(parameters) {
  return Object.entries(parameters)
    .map(
      ([key, name]) => `${toml(key)} = { dictionary = ${toml(name)}, probability = ${REAL_ID_PROBABILITY} }`,
    )
    .join('\n');
}

/** One [[operations]] block per operation that needs its own settings. */
function operationBlocks() {
  const operations = new Map();
  const entry = (label) => {
    if (!operations.has(label)) operations.set(label, { parameters: {}, positive: [], negative: [] });
    return operations.get(label);
  };
  // Destructive operations get spare resources, so the others keep theirs.
  entry('DELETE /api/v1/guilds/{guildId}').parameters['path.guildId'] = 'spareGuild';
  entry('DELETE /api/v1/channels/{channelId}').parameters['path.channelId'] = 'spareChannel';
  entry('DELETE /api/v1/channels/{channelId}/messages/{messageId}').parameters['path.messageId'] =
    'spareMessage';
  entry('DELETE /api/v1/guilds/{guildId}/roles/{roleId}').parameters['path.roleId'] = 'spareRole';
  entry('DELETE /api/v1/invites/{code}').parameters['path.code'] = 'spareInvite';
  for (const [label, status, refusal, reason] of ACCEPTED_REFUSALS)
    entry(label).positive.push([status, `${refusal}: ${reason}`]);
  for (const [label, status, reason] of ACCEPTED_LENIENCE) entry(label).negative.push([status, reason]);

  return [...operations]
    .map(([label, { parameters, positive, negative }]) => {
      // By name ("METHOD /path"): include-method and include-path would match either (they are or-ed).
      const lines = ['[[operations]]', `include-name = ${toml(label)}`];
      for (const [status, reason] of [...positive, ...negative]) lines.push(`# ${status}: ${reason}`);
      if (positive.length) {
        const statuses = [...new Set([...POSITIVE_DEFAULT, ...positive.map(([status]) => status)])];
        lines.push(`checks.positive_data_acceptance.expected-statuses = [${statuses.map(toml).join(', ')}]`);
      }
      if (negative.length) {
        const statuses = [...NEGATIVE_DEFAULT, ...negative.map(([status]) => status)];
        lines.push(`checks.negative_data_rejection.expected-statuses = [${statuses.map(toml).join(', ')}]`);
      }
      if (Object.keys(parameters).length) lines.push('[operations.parameters]', bind(parameters));
      return `${lines.join('\n')}\n`;
    })
    .join('\n');
}

export function schemathesisConfig(f) {
  return `# generated by tools/fuzz/run.mjs
[auth.dynamic.openapi.accessToken]
path = "/api/v1/auth/login"
payload = { login = ${toml(f.owner.username)}, password = ${toml(f.owner.password)} }
extract_selector = "/accessToken"

# NUL is refused (400, the field named) in every string by design (issue 15, e2e/hostile-input), which no
# JSON Schema can say on every string: generating it would only report that rule, operation by operation.
[generation]
allow-x00 = false
# No example database: a run replays nothing from an earlier one (repeatable; CI starts from scratch anyway).
database = "none"

[checks.negative_data_rejection]
expected-statuses = [${NEGATIVE_DEFAULT.map(toml).join(', ')}]

${dictionaries({
  guild: [f.guildId],
  spareGuild: [f.spareGuildId],
  channel: [f.channelId, f.voiceChannelId],
  spareChannel: [f.spareChannelId],
  message: [f.messageId],
  spareMessage: [f.spareMessageId],
  role: [f.roleId],
  spareRole: [f.spareRoleId],
  user: [f.member.id, f.owner.id],
  invite: [f.inviteCode],
  spareInvite: [f.spareInviteCode],
})}
[parameters]
${bind({
  'path.guildId': 'guild',
  'path.channelId': 'channel',
  'query.channelId': 'channel',
  'path.messageId': 'message',
  'path.roleId': 'role',
  'path.userId': 'user',
  'path.id': 'user',
  'path.code': 'invite',
})}

${operationBlocks()}`;
}
