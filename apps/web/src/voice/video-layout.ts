import type { VoiceMediaSource, VoiceState } from '@bonfire/contracts';

/** A video being received: which producer, whose, from which source. */
export interface RemoteVideo {
  producerId: string;
  userId: string;
  source: VoiceMediaSource;
}

/** One tile of the voice stage: a person (camera or avatar) or a screen share. */
export interface StageTile {
  /** Stable key: `user:<id>` or `screen:<id>`. */
  id: string;
  kind: 'person' | 'screen';
  userId: string;
  self: boolean;
  /** The producer whose video the tile shows (`local:camera` / `local:screen` for one's own), or null. */
  videoId: string | null;
}

interface StageInput {
  meId: string;
  /** Voice states of the channel (everyone in it, oneself included). */
  states: readonly VoiceState[];
  videos: readonly RemoteVideo[];
  localCamera: boolean;
  localScreen: boolean;
}

export const LOCAL_CAMERA = 'local:camera';
export const LOCAL_SCREEN = 'local:screen';

/**
 * The stage's tiles: one per person in the channel (oneself first, then by join time), showing their
 * camera when one is received, then one per screen share. A video whose sender has no voice state yet
 * (the state dispatch can trail the media) still gets its tile.
 */
export function stageTiles(input: StageInput): StageTile[] {
  const people = [...input.states].sort((a, b) => {
    if (a.userId === input.meId) return -1;
    if (b.userId === input.meId) return 1;
    return a.joinedAt.localeCompare(b.joinedAt) || a.userId.localeCompare(b.userId);
  });
  const ids = people.map((state) => state.userId);
  if (!ids.includes(input.meId)) ids.unshift(input.meId);
  for (const video of input.videos) if (!ids.includes(video.userId)) ids.push(video.userId);

  const cameraOf = new Map<string, string>();
  const screens: StageTile[] = [];
  for (const video of input.videos) {
    if (video.source === 'camera') cameraOf.set(video.userId, video.producerId);
    if (video.source === 'screen') {
      screens.push({
        id: `screen:${video.userId}`,
        kind: 'screen',
        userId: video.userId,
        self: false,
        videoId: video.producerId,
      });
    }
  }
  if (input.localCamera) cameraOf.set(input.meId, LOCAL_CAMERA);
  if (input.localScreen) {
    screens.unshift({
      id: `screen:${input.meId}`,
      kind: 'screen',
      userId: input.meId,
      self: true,
      videoId: LOCAL_SCREEN,
    });
  }
  const tiles: StageTile[] = ids.map((userId) => ({
    id: `user:${userId}`,
    kind: 'person',
    userId,
    self: userId === input.meId,
    videoId: cameraOf.get(userId) ?? null,
  }));
  return [...tiles, ...screens];
}

/**
 * Which tile the stage focuses: the one the user chose while it exists; with no choice made yet
 * (`undefined`), the first screen share someone else is sending; `null` (focus dismissed) none.
 */
export function focusedTile(
  tiles: readonly StageTile[],
  chosen: string | null | undefined,
): StageTile | null {
  if (chosen === null) return null;
  if (chosen !== undefined) {
    const tile = tiles.find((candidate) => candidate.id === chosen);
    if (tile) return tile;
  }
  return tiles.find((tile) => tile.kind === 'screen' && !tile.self) ?? null;
}

/**
 * The grid for `count` tiles of aspect `aspect` (width / height) in a `width` × `height` area: the
 * column count that makes tiles largest, the rows that follows, and the tile size.
 */
export function gridLayout(
  count: number,
  width: number,
  height: number,
  gap = 8,
  aspect = 16 / 9,
): { columns: number; rows: number; tileWidth: number; tileHeight: number } {
  if (count <= 0 || width <= 0 || height <= 0) return { columns: 1, rows: 0, tileWidth: 0, tileHeight: 0 };
  let best = { columns: 1, rows: count, tileWidth: 0, tileHeight: 0 };
  for (let columns = 1; columns <= count; columns++) {
    const rows = Math.ceil(count / columns);
    const cellWidth = (width - gap * (columns - 1)) / columns;
    const cellHeight = (height - gap * (rows - 1)) / rows;
    if (cellWidth <= 0 || cellHeight <= 0) continue;
    const tileWidth = Math.min(cellWidth, cellHeight * aspect);
    if (tileWidth > best.tileWidth) {
      best = { columns, rows, tileWidth: Math.floor(tileWidth), tileHeight: Math.floor(tileWidth / aspect) };
    }
  }
  return best;
}
