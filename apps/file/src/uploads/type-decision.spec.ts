import { describe, expect, it } from 'vitest';
import { decideType } from './type-decision';

const AVATAR_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];

describe('decideType', () => {
  it('accepts a signature that agrees with the declared type (aliases folded)', () => {
    expect(decideType('attachment', 'image/png', 'image/png', AVATAR_TYPES)).toEqual({
      accepted: true,
      contentType: 'image/png',
      image: true,
    });
    expect(decideType('attachment', 'image/jpg', 'image/jpeg', AVATAR_TYPES)).toMatchObject({
      accepted: true,
      contentType: 'image/jpeg',
    });
    expect(decideType('attachment', 'application/pdf', 'application/pdf', AVATAR_TYPES)).toMatchObject({
      accepted: true,
      image: false,
    });
  });

  it('refuses an executable declared as an image', () => {
    const elf = decideType('attachment', 'image/png', 'application/x-elf', AVATAR_TYPES);
    expect(elf).toMatchObject({ accepted: false });
    expect(elf.accepted ? '' : elf.reason).toMatch(/executable/);
    expect(decideType('attachment', 'text/plain', 'application/x-msdownload', AVATAR_TYPES).accepted).toBe(
      false,
    );
  });

  it('refuses a signature that disagrees, and a declared binary type without its signature', () => {
    expect(decideType('attachment', 'image/png', 'image/gif', AVATAR_TYPES).accepted).toBe(false);
    expect(decideType('attachment', 'image/png', undefined, AVATAR_TYPES).accepted).toBe(false);
    expect(decideType('attachment', 'video/mp4', undefined, AVATAR_TYPES).accepted).toBe(false);
  });

  it('accepts text-like types that carry no signature, keeping the declared type', () => {
    expect(decideType('attachment', 'text/plain', undefined, AVATAR_TYPES)).toEqual({
      accepted: true,
      contentType: 'text/plain',
      image: false,
    });
    expect(decideType('attachment', 'application/json', undefined, AVATAR_TYPES).accepted).toBe(true);
  });

  it('lets application/octet-stream take whatever was found', () => {
    expect(decideType('attachment', 'application/octet-stream', 'application/x-elf', AVATAR_TYPES)).toEqual({
      accepted: true,
      contentType: 'application/x-elf',
      image: false,
    });
    expect(decideType('attachment', 'application/octet-stream', undefined, AVATAR_TYPES)).toMatchObject({
      accepted: true,
      contentType: 'application/octet-stream',
    });
  });

  it('holds avatars and icons to the allowed image types after sniffing', () => {
    expect(decideType('avatar', 'image/webp', 'image/webp', AVATAR_TYPES).accepted).toBe(true);
    expect(decideType('icon', 'application/octet-stream', 'image/png', AVATAR_TYPES).accepted).toBe(true);
    expect(decideType('avatar', 'application/octet-stream', 'application/pdf', AVATAR_TYPES).accepted).toBe(
      false,
    );
    expect(decideType('icon', 'text/plain', undefined, AVATAR_TYPES).accepted).toBe(false);
  });

  it('holds emoji to PNG, GIF and WebP after sniffing, whatever the avatar types', () => {
    expect(decideType('emoji', 'image/gif', 'image/gif', AVATAR_TYPES)).toEqual({
      accepted: true,
      contentType: 'image/gif',
      image: true,
    });
    expect(decideType('emoji', 'application/octet-stream', 'image/webp', AVATAR_TYPES).accepted).toBe(true);
    expect(decideType('emoji', 'image/jpeg', 'image/jpeg', AVATAR_TYPES).accepted).toBe(false);
    expect(decideType('emoji', 'image/png', 'image/jpeg', AVATAR_TYPES).accepted).toBe(false);
  });
});
