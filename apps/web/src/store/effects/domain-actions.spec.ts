import { describe, expect, it } from 'vitest';
import { kernelWith, recordingClient } from '../test-fixtures';
import { AccountActions } from './account-actions';
import { GuildActions } from './guild-actions';
import { GuildContentActions } from './guild-content-actions';
import { SocialActions } from './social-actions';
import { VoiceActions } from './voice-actions';

const guild = { id: '100', name: 'home' };
const channels = [{ id: '7', guildId: '100', type: 'text' }];
const file = { data: new Uint8Array(1), filename: 'a.png', contentType: 'image/png' };

describe('guild actions', () => {
  it('answer a guild created or joined with its channels', async () => {
    const { client, calls } = recordingClient({
      'guilds.create': guild,
      'invites.accept': guild,
      'channels.list': channels,
    });
    const kernel = kernelWith(client);
    expect(await new GuildActions(kernel).create('home')).toEqual({ guild, channels });
    expect(await new GuildContentActions(kernel).join('abc')).toEqual({ guild, channels });
    expect(calls).toEqual([
      'guilds.create({"name":"home"})',
      'channels.list("100")',
      'invites.accept("abc")',
      'channels.list("100")',
    ]);
  });

  it('set the uploaded icon, and answer the channel as it is after an overwrite is dropped', async () => {
    const { client, calls } = recordingClient({
      'files.uploadGuildIcon': { id: '55' },
      'channels.get': channels[0],
    });
    const actions = new GuildActions(kernelWith(client));
    await actions.changeIcon('100', file, {});
    expect(await actions.deletePermissionOverwrite('7', '100')).toBe(channels[0]);
    expect(calls.slice(1)).toEqual([
      'guilds.update("100", {"iconFileId":"55"})',
      'channels.deletePermissionOverwrite("7", "100")',
      'channels.get("7")',
    ]);
  });
});

describe('account actions', () => {
  it('set the uploaded avatar on my profile', async () => {
    const { client, calls } = recordingClient({ 'files.uploadAvatar': { id: '56' } });
    await new AccountActions(kernelWith(client)).changeAvatar(file, {});
    expect(calls.slice(1)).toEqual(['users.updateMe({"avatarFileId":"56"})']);
  });

  it('mark a deleted account before the connection closes', async () => {
    const { client, calls } = recordingClient();
    await new AccountActions(kernelWith(client)).deleteAccount({ password: 'pw' }, () =>
      calls.push('marked'),
    );
    expect(calls).toEqual(['account.delete({"password":"pw"})', 'marked', 'realtime.disconnect()']);
  });
});

describe('social and voice actions', () => {
  it('ask for the DM or relationship wanted', async () => {
    const { client, calls } = recordingClient();
    const social = new SocialActions(kernelWith(client));
    await social.openDm('3');
    await social.removeRecipient('9', '3');
    await social.removeRelationship('3');
    expect(calls).toEqual(['dms.open("3")', 'dms.removeRecipient("9", "3")', 'relationships.remove("3")']);
  });

  it("keep the guild's voice states", async () => {
    const state = { userId: '3', channelId: '8', guildId: '100' };
    const { client } = recordingClient({ 'voice.guildStates': [state] });
    const kernel = kernelWith(client);
    await new VoiceActions(kernel).loadGuildStates('100');
    expect(kernel.getState().voiceStates['3']).toEqual(state);
  });
});
