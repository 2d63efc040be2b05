// The schemathesis.toml for one run, naming the seeded ids. Real ids are drawn most of the time (so the
// fuzzer gets past 404 into the routes' logic), generated ones otherwise (so odd ids are tried too).

const REAL_ID_PROBABILITY = 0.8;
const POSITIVE_DEFAULT = ['2xx', '3xx', '401', '403', '404', '409', '429', '5xx'];
const NEGATIVE_DEFAULT = ['400', '401', '403', '404', '405', '406', '409', '415', '422', '428', '429', '5xx'];

/**
 * Refusals of schema-valid requests that are the API's documented rules, not lies of the document: they
 * depend on the state the request meets (a channel's type, who owns a guild, which ids exist) or on a
 * rule between fields, or on deployment configuration, none of which a JSON Schema can state. Each adds
 * only the status named, on only that operation; a 5xx is never allowed.
 */
export const ACCEPTED_REFUSALS = [
  [
    'DELETE /api/v1/channels/{channelId}/recipients/{userId}',
    '400',
    'NOT_GROUP_DM: depends on the channel type',
  ],
  [
    'PUT /api/v1/channels/{channelId}/recipients/{userId}',
    '400',
    'NOT_GROUP_DM: depends on the channel type',
  ],
  [
    'DELETE /api/v1/guilds/{guildId}/roles/{roleId}',
    '400',
    'EVERYONE_ROLE: the @everyone role has the guild id',
  ],
  [
    'PATCH /api/v1/guilds/{guildId}/roles/{roleId}',
    '400',
    'EVERYONE_ROLE: @everyone keeps its name and position',
  ],
  ['DELETE /api/v1/users/@me/guilds/{guildId}', '400', 'OWNER_CANNOT_LEAVE: depends on who owns the guild'],
  ['PATCH /api/v1/channels/{channelId}', '400', 'topic/userLimit/parent: depend on the channel type'],
  [
    'POST /api/v1/guilds/{guildId}/channels',
    '400',
    'userLimit only on voice channels, parent must be a category',
  ],
  ['PATCH /api/v1/guilds/{guildId}', '400', 'ownerId must name a member'],
  ['POST /api/v1/guilds/{guildId}/owner', '400', 'userId must name a member'],
  ['PATCH /api/v1/guilds/{guildId}/channels', '400', 'ids must name channels of the guild'],
  ['PATCH /api/v1/guilds/{guildId}/roles', '400', 'ids must name roles of the guild'],
  ['PATCH /api/v1/guilds/{guildId}/members/{userId}', '400', 'roleIds must be unique roles of the guild'],
  ['POST /api/v1/guilds/{guildId}/invites', '400', 'channelId must name a channel of the guild'],
  ['POST /api/v1/channels/{channelId}/voice', '400', 'NOT_VOICE_CHANNEL: depends on the channel type'],
  [
    'PATCH /api/v1/guilds/{guildId}/voice-states/{userId}',
    '400',
    'NOT_VOICE_CHANNEL: moving someone needs a voice channel id',
  ],
  ['GET /api/v1/channels/{channelId}/messages', '400', 'one cursor at most (before, after or around)'],
  [
    'POST /api/v1/channels/{channelId}/messages',
    '400',
    'content must not be blank unless attachments are sent',
  ],
  ['PATCH /api/v1/channels/{channelId}/messages/{messageId}', '400', 'content must not be blank'],
  ['POST /api/v1/users/@me/channels', '400', 'recipientId or recipientIds, not both'],
  [
    'GET /api/v1/channels/{channelId}/messages/{messageId}/reactions/{emoji}',
    '400',
    'INVALID_EMOJI: one emoji',
  ],
  [
    'PUT /api/v1/channels/{channelId}/messages/{messageId}/reactions/{emoji}/@me',
    '400',
    'INVALID_EMOJI: one emoji',
  ],
  ['DELETE /api/v1/channels/{channelId}/messages/{messageId}/reactions/{emoji}/@me', '400', 'INVALID_EMOJI'],
  ['GET /api/v1/channels/{channelId}/messages/search', '400', 'INVALID_QUERY: search syntax, dates'],
  ['GET /api/v1/guilds/{guildId}/messages/search', '400', 'INVALID_QUERY: search syntax, dates'],
  ['POST /api/v1/channels/{channelId}/attachments', '413', 'size limit is configuration (FILE_MAX_*)'],
  ['POST /api/v1/users/@me/avatar', '400', 'allowed types are configuration'],
  ['POST /api/v1/users/@me/avatar', '413', 'size limit is configuration'],
  ['POST /api/v1/guilds/{guildId}/icon', '400', 'allowed types are configuration'],
  ['POST /api/v1/guilds/{guildId}/icon', '413', 'size limit is configuration'],
];

/** Schema-invalid requests the API accepts on purpose. */
export const ACCEPTED_LENIENCE = [
  // The server's rule is the documented pattern; Python's `format: email` check is stricter than it.
  ['POST /api/v1/auth/register', '201', 'email: the pattern is the rule, not Python’s idea of format: email'],
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
  for (const [label, status, reason] of ACCEPTED_REFUSALS) entry(label).positive.push([status, reason]);
  for (const [label, status, reason] of ACCEPTED_LENIENCE) entry(label).negative.push([status, reason]);

  return [...operations]
    .map(([label, { parameters, positive, negative }]) => {
      // By name ("METHOD /path"): include-method and include-path would match either (they are or-ed).
      const lines = ['[[operations]]', `include-name = ${toml(label)}`];
      for (const [status, reason] of [...positive, ...negative]) lines.push(`# ${status}: ${reason}`);
      if (positive.length) {
        const statuses = [...POSITIVE_DEFAULT, ...positive.map(([status]) => status)];
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
