import { ServiceLogger } from '@bonfire/platform';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolderMailTransport } from './folder-mail-transport';
import { describeMailTransportContract } from './mail-transport.contract';
import { folderInbox } from './mail-reader.test-kit';
import { renderMail } from './templates';

describeMailTransportContract('folder (.eml files)', async () => {
  const root = await mkdtemp(join(tmpdir(), 'bonfire-mail-'));
  const folder = join(root, 'mail');
  const transport = new FolderMailTransport(
    folder,
    'Bonfire <no-reply@localhost>',
    new ServiceLogger('auth', 'silent'),
  );
  return {
    transport,
    inbox: (to) => folderInbox(folder, to),
    dispose: async () => {
      await transport.close();
      await rm(root, { recursive: true, force: true });
    },
  };
});

describe('FolderMailTransport', () => {
  it('creates its folder readable by its owner only, and leaves no temporary file', async () => {
    const root = await mkdtemp(join(tmpdir(), 'bonfire-mail-'));
    try {
      const transport = new FolderMailTransport(
        join(root, 'mail'),
        'Bonfire <no-reply@localhost>',
        new ServiceLogger('auth', 'silent'),
      );
      await transport.send(
        renderMail('verifyEmail', 'en', 'a@example.com', { username: 'a', link: 'http://x/1', hours: 1 }),
      );
      expect((await stat(join(root, 'mail'))).mode & 0o777).toBe(0o700);
      const names = await readdir(join(root, 'mail'));
      expect(names).toHaveLength(1);
      expect(names[0]).toMatch(/a@example\.com\.eml$/);
      expect((await stat(join(root, 'mail', names[0]!))).mode & 0o777).toBe(0o600);
      expect(transport.describe()).toContain(join(root, 'mail'));
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
