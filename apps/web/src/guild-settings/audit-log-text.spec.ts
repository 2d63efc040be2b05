import type { AuditLogEntry } from '@bonfire/contracts';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_ACTION_OPTIONS,
  type AuditNames,
  describeAuditEntry,
  describeChange,
  permissionDelta,
} from './audit-log-text';

const names: AuditNames = {
  user: (id) => ({ u1: 'Ada', u2: 'Bob' })[id] ?? 'Unknown user',
  channel: (id) => ({ c1: '#lobby', c2: 'Stage', c9: 'Lounge' })[id] ?? null,
  role: (id) => ({ r1: 'Crew', r2: 'Elders' })[id] ?? null,
};

function entry(partial: Partial<AuditLogEntry> & Pick<AuditLogEntry, 'action'>): AuditLogEntry {
  return {
    id: '100',
    guildId: 'g1',
    actorId: 'u1',
    targetType: 'user',
    targetId: 'u2',
    changes: [],
    options: null,
    reason: null,
    createdAt: '2026-12-04T12:00:00.000Z',
    ...partial,
  };
}

/** The entry as one line (the sentence, then its changes after a colon), to compare whole descriptions. */
function auditEntryText(auditEntry: AuditLogEntry, auditNames: AuditNames): string {
  const { sentence, changes } = describeAuditEntry(auditEntry, auditNames);
  return changes.length > 0 ? `${sentence}: ${changes.join(', ')}` : sentence;
}

describe('audit log entries in words', () => {
  it('says who did what to whom', () => {
    expect(auditEntryText(entry({ action: 'MEMBER_KICK' }), names)).toBe('Ada kicked Bob');
    expect(auditEntryText(entry({ action: 'MEMBER_BAN_ADD' }), names)).toBe('Ada banned Bob');
    expect(auditEntryText(entry({ action: 'MEMBER_BAN_REMOVE' }), names)).toBe('Ada lifted the ban on Bob');
    expect(auditEntryText(entry({ action: 'MEMBER_KICK', targetId: 'gone' }), names)).toBe(
      'Ada kicked Unknown user',
    );
  });

  it('lists the changed fields of an update, old → new', () => {
    const update = entry({
      action: 'CHANNEL_UPDATE',
      targetType: 'channel',
      targetId: 'c1',
      changes: [
        { key: 'name', old: 'general', new: 'lobby' },
        { key: 'topic', old: null, new: 'Crew business' },
        { key: 'slowmodeSeconds', old: 0, new: 10 },
        { key: 'parentId', old: null, new: 'c9' },
        { key: 'permissionOverwrites', old: [], new: [] },
      ],
    });
    expect(describeAuditEntry(update, names)).toEqual({
      sentence: 'Ada updated channel #lobby',
      changes: [
        'name general → lobby',
        'topic none → Crew business',
        'slowmode off → 10 s',
        'category none → Lounge',
      ],
    });
    expect(auditEntryText(update, names)).toBe(
      'Ada updated channel #lobby: name general → lobby, topic none → Crew business, slowmode off → 10 s, category none → Lounge',
    );
  });

  it('names deleted channels and roles from the entry itself', () => {
    const deleted = entry({
      action: 'CHANNEL_DELETE',
      targetType: 'channel',
      targetId: 'c404',
      changes: [
        { key: 'name', old: 'old-news' },
        { key: 'type', old: 'text' },
      ],
    });
    expect(auditEntryText(deleted, names)).toBe('Ada deleted channel #old-news');
    const category = entry({
      action: 'CHANNEL_CREATE',
      targetType: 'channel',
      targetId: 'c404',
      changes: [
        { key: 'name', new: 'Games' },
        { key: 'type', new: 'category' },
      ],
    });
    expect(auditEntryText(category, names)).toBe('Ada created category Games');
    const role = entry({
      action: 'ROLE_DELETE',
      targetType: 'role',
      targetId: 'r404',
      changes: [{ key: 'name', old: 'Old guard' }],
    });
    expect(auditEntryText(role, names)).toBe('Ada deleted role Old guard');
  });

  it('shows permission changes as what was added and taken away', () => {
    expect(permissionDelta('0', String(1n << 1n))).toBe('+ Kick members');
    expect(permissionDelta(String(1n << 2n), '0')).toBe('− Ban members');
    expect(describeChange({ key: 'permissions', old: '0', new: '0' }, names)).toBe('permissions: none');
    const overwrite = entry({
      action: 'CHANNEL_OVERWRITE_UPDATE',
      targetType: 'channel',
      targetId: 'c1',
      options: { id: 'g1', type: 'role' },
      changes: [{ key: 'deny', old: '0', new: String(1n << 10n) }],
    });
    const { sentence, changes } = describeAuditEntry(overwrite, names);
    expect(sentence).toBe('Ada updated the permissions of @everyone in #lobby');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatch(/^denied: \+ /);
  });

  it('describes role assignments, messages, invites, webhooks and voice moves', () => {
    expect(
      auditEntryText(
        entry({ action: 'MEMBER_ROLE_UPDATE', changes: [{ key: '$add', new: ['r1', 'r2'] }] }),
        names,
      ),
    ).toBe('Ada gave Bob Crew, Elders');
    expect(
      auditEntryText(
        entry({ action: 'MEMBER_ROLE_UPDATE', changes: [{ key: '$remove', new: ['r1'] }] }),
        names,
      ),
    ).toBe('Ada took Crew from Bob');
    expect(
      auditEntryText(
        entry({ action: 'MESSAGE_DELETE', options: { channelId: 'c1', messageId: 'm1' } }),
        names,
      ),
    ).toBe('Ada deleted a message by Bob in #lobby');
    expect(
      auditEntryText(entry({ action: 'INVITE_CREATE', targetType: 'invite', targetId: 'abc123' }), names),
    ).toBe('Ada created invite abc123');
    expect(
      auditEntryText(
        entry({
          action: 'WEBHOOK_CREATE',
          targetType: 'webhook',
          targetId: 'w1',
          changes: [
            { key: 'name', new: 'Deploys' },
            { key: 'channelId', new: 'c1' },
          ],
        }),
        names,
      ),
    ).toBe('Ada created webhook Deploys in #lobby');
    expect(
      auditEntryText(
        entry({ action: 'VOICE_MEMBER_MOVE', changes: [{ key: 'channelId', old: 'c2', new: 'c9' }] }),
        names,
      ),
    ).toBe('Ada moved Bob from Stage to Lounge');
    expect(
      auditEntryText(
        entry({ action: 'VOICE_MEMBER_DISCONNECT', changes: [{ key: 'channelId', old: 'c2' }] }),
        names,
      ),
    ).toBe('Ada disconnected Bob from Stage');
  });

  it('has a filter label for every action of the catalogue', () => {
    expect(AUDIT_ACTION_OPTIONS.length).toBeGreaterThan(20);
    for (const option of AUDIT_ACTION_OPTIONS) expect(option.label).toMatch(/^[A-Z]/);
  });
});
