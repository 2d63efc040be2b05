import { ALL_PERMISSIONS, PERMISSIONS, type PermissionName } from '@bonfire/contracts';
import { describe, expect, it } from 'vitest';
import { channelPermissions, PERMISSION_INFO, permissionInfo } from './permission-info';

describe('permission explanations', () => {
  it('cover every permission of @bonfire/contracts exactly once, each with its own bit', () => {
    const names = PERMISSION_INFO.map((info) => info.name).sort();
    expect(names).toEqual((Object.keys(PERMISSIONS) as PermissionName[]).sort());
    for (const info of PERMISSION_INFO) expect(info.bit).toBe(PERMISSIONS[info.name]);
    expect(PERMISSION_INFO.reduce((all, info) => all | info.bit, 0n)).toBe(ALL_PERMISSIONS);
  });

  it('give each a label and a one-line explanation, all different', () => {
    for (const info of PERMISSION_INFO) {
      expect(info.label.trim(), info.name).not.toBe('');
      expect(info.explanation.trim().length, info.name).toBeGreaterThan(10);
      expect(info.explanation, info.name).not.toContain('\n');
      expect(info.explanation.length, info.name).toBeLessThanOrEqual(110);
    }
    expect(new Set(PERMISSION_INFO.map((info) => info.label)).size).toBe(PERMISSION_INFO.length);
    expect(new Set(PERMISSION_INFO.map((info) => info.explanation)).size).toBe(PERMISSION_INFO.length);
  });

  it('offer in channel overwrites only what a channel can change, by channel type', () => {
    const text = channelPermissions('text').map((info) => info.name);
    const voice = channelPermissions('voice').map((info) => info.name);
    const category = channelPermissions('category').map((info) => info.name);
    expect(text).toContain('VIEW_CHANNEL');
    expect(text).toContain('SEND_MESSAGES');
    expect(text).not.toContain('CONNECT');
    expect(voice).toContain('VIEW_CHANNEL');
    expect(voice).toContain('STREAM');
    expect(voice).not.toContain('SEND_MESSAGES');
    expect(category).toEqual(expect.arrayContaining([...text, ...voice]));
    for (const guildWide of ['ADMINISTRATOR', 'KICK_MEMBERS', 'BAN_MEMBERS', 'MANAGE_GUILD'] as const) {
      expect(category).not.toContain(guildWide);
      expect(permissionInfo(guildWide).channel).toBe(false);
    }
  });
});
