// What the fuzzer needs to reach past "404 not found": an account (the fuzzer logs in as it), a second
// member, and a guild with channels, a message, a role and an invite whose ids it can use. Destructive
// operations (delete a guild, a channel, a message, a role, an invite) get spare ones, so the rest keep theirs.

async function call(baseUrl, method, path, { token, body } = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`fixture ${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

async function register(baseUrl, username) {
  const password = `pw-${username}-fuzz`;
  const result = await call(baseUrl, 'POST', '/api/v1/auth/register', {
    body: { email: `${username}@example.test`, username, password },
  });
  return { id: result.user.id, username, password, token: result.accessToken };
}

export async function seedFixtures(baseUrl, suffix) {
  const owner = await register(baseUrl, `fuzz_owner_${suffix}`);
  const member = await register(baseUrl, `fuzz_member_${suffix}`);
  const as = (user) => (method, path, body) => call(baseUrl, method, path, { token: user.token, body });
  const ownerCall = as(owner);

  const guild = await ownerCall('POST', '/api/v1/guilds', { name: 'Fuzzed guild' });
  const spareGuild = await ownerCall('POST', '/api/v1/guilds', { name: 'Spare guild' });
  const channels = await ownerCall('GET', `/api/v1/guilds/${guild.id}/channels`);
  const text = channels.find((channel) => channel.type === 'text');
  const voice =
    channels.find((channel) => channel.type === 'voice') ??
    (await ownerCall('POST', `/api/v1/guilds/${guild.id}/channels`, { name: 'voice', type: 'voice' }));
  const spareChannel = await ownerCall('POST', `/api/v1/guilds/${guild.id}/channels`, { name: 'spare' });
  const message = await ownerCall('POST', `/api/v1/channels/${text.id}/messages`, { content: 'fuzz me' });
  const spareMessage = await ownerCall('POST', `/api/v1/channels/${text.id}/messages`, {
    content: 'delete me',
  });
  const role = await ownerCall('POST', `/api/v1/guilds/${guild.id}/roles`, { name: 'fuzzed' });
  const spareRole = await ownerCall('POST', `/api/v1/guilds/${guild.id}/roles`, { name: 'spare' });
  const invite = await ownerCall('POST', `/api/v1/guilds/${guild.id}/invites`, { maxUses: 0 });
  const spareInvite = await ownerCall('POST', `/api/v1/guilds/${guild.id}/invites`, { maxUses: 0 });
  await as(member)('POST', `/api/v1/invites/${invite.code}`);

  return {
    owner,
    member,
    guildId: guild.id,
    spareGuildId: spareGuild.id,
    channelId: text.id,
    voiceChannelId: voice.id,
    spareChannelId: spareChannel.id,
    messageId: message.id,
    spareMessageId: spareMessage.id,
    roleId: role.id,
    spareRoleId: spareRole.id,
    inviteCode: invite.code,
    spareInviteCode: spareInvite.code,
  };
}
