import type { VoiceState } from '@bonfire/contracts';
import { describe, expect, it } from 'vitest';
import { focusedTile, gridLayout, LOCAL_CAMERA, LOCAL_SCREEN, stageTiles } from './video-layout';

const state = (userId: string, joinedAt: string): VoiceState => ({
  userId,
  guildId: '1',
  channelId: '2',
  sessionId: `s-${userId}`,
  selfMute: false,
  selfDeaf: false,
  mute: false,
  deaf: false,
  selfVideo: false,
  selfStream: false,
  joinedAt,
});

describe('stageTiles', () => {
  const states = [
    state('30', '2026-01-01T00:00:03Z'),
    state('20', '2026-01-01T00:00:02Z'),
    state('10', '2026-01-01T00:00:09Z'),
  ];

  it('puts oneself first, then people by join time, each with their camera, then screen shares', () => {
    const tiles = stageTiles({
      meId: '10',
      states,
      videos: [
        { producerId: 'p-cam-30', userId: '30', source: 'camera' },
        { producerId: 'p-screen-20', userId: '20', source: 'screen' },
      ],
      localCamera: true,
      localScreen: false,
    });
    expect(tiles.map((tile) => [tile.id, tile.videoId])).toEqual([
      ['user:10', LOCAL_CAMERA],
      ['user:20', null],
      ['user:30', 'p-cam-30'],
      ['screen:20', 'p-screen-20'],
    ]);
    expect(tiles[0]!.self).toBe(true);
  });

  it('shows one own screen share first among screens, and a video whose sender has no state yet', () => {
    const tiles = stageTiles({
      meId: '10',
      states: [],
      videos: [{ producerId: 'p-screen-40', userId: '40', source: 'screen' }],
      localCamera: false,
      localScreen: true,
    });
    expect(tiles.map((tile) => [tile.id, tile.videoId, tile.self])).toEqual([
      ['user:10', null, true],
      ['user:40', null, false],
      ['screen:10', LOCAL_SCREEN, true],
      ['screen:40', 'p-screen-40', false],
    ]);
  });

  it('ignores audio-only sources (screen sound, microphones are not videos)', () => {
    const tiles = stageTiles({
      meId: '10',
      states: [state('10', '2026-01-01T00:00:00Z')],
      videos: [{ producerId: 'p', userId: '20', source: 'screen-audio' }],
      localCamera: false,
      localScreen: false,
    });
    expect(tiles.map((tile) => tile.id)).toEqual(['user:10', 'user:20']);
    expect(tiles.every((tile) => tile.videoId === null)).toBe(true);
  });
});

describe('focusedTile', () => {
  const tiles = stageTiles({
    meId: '10',
    states: [],
    videos: [
      { producerId: 'cam', userId: '20', source: 'camera' },
      { producerId: 'scr', userId: '20', source: 'screen' },
    ],
    localCamera: false,
    localScreen: true,
  });

  it("focuses someone else's screen share by default, not one's own", () => {
    expect(focusedTile(tiles, undefined)?.id).toBe('screen:20');
    expect(
      focusedTile(
        tiles.filter((tile) => tile.id !== 'screen:20'),
        undefined,
      ),
    ).toBeNull();
  });

  it('keeps the chosen tile while it exists, and nothing once focus is dismissed', () => {
    expect(focusedTile(tiles, 'user:20')?.id).toBe('user:20');
    expect(focusedTile(tiles, 'screen:99')?.id).toBe('screen:20');
    expect(focusedTile(tiles, null)).toBeNull();
  });
});

describe('gridLayout', () => {
  it('gives one tile the whole width or height it can take at 16:9', () => {
    expect(gridLayout(1, 1600, 900, 8)).toEqual({ columns: 1, rows: 1, tileWidth: 1600, tileHeight: 900 });
    expect(gridLayout(1, 1600, 450, 8)).toMatchObject({ columns: 1, tileWidth: 800, tileHeight: 450 });
  });

  it('picks the column count that makes tiles largest', () => {
    expect(gridLayout(2, 1600, 600, 0)).toMatchObject({ columns: 2, rows: 1, tileWidth: 800 });
    expect(gridLayout(2, 600, 900, 0)).toMatchObject({ columns: 1, rows: 2 });
    expect(gridLayout(4, 1600, 900, 0)).toMatchObject({ columns: 2, rows: 2, tileWidth: 800 });
    expect(gridLayout(5, 1600, 900, 0)).toMatchObject({ columns: 3, rows: 2 });
  });

  it('answers an empty grid for no tiles or no room', () => {
    expect(gridLayout(0, 800, 600)).toMatchObject({ rows: 0, tileWidth: 0 });
    expect(gridLayout(3, 0, 600)).toMatchObject({ rows: 0, tileWidth: 0 });
  });
});
