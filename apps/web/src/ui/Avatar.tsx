import type { PresenceStatus } from '@bonfire/contracts';

const COLORS = ['#5865f2', '#3ba55d', '#faa61a', '#ed4245', '#eb459e', '#9b59b6', '#1abc9c'];

export const STATUS_LABEL: Record<PresenceStatus, string> = {
  online: 'Online',
  idle: 'Idle',
  dnd: 'Do not disturb',
  invisible: 'Invisible',
  offline: 'Offline',
};

function colorFor(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return COLORS[hash % COLORS.length]!;
}

interface AvatarProps {
  userId: string;
  name: string;
  imageUrl?: string | null;
  status?: PresenceStatus | null;
  size?: 'small' | 'normal' | 'large';
  speaking?: boolean;
}

/** A user's picture (or initial) with an optional presence dot; the status is spoken, not only coloured. */
export function Avatar({ userId, name, imageUrl, status, size = 'normal', speaking }: AvatarProps) {
  const classes = ['avatar', size === 'normal' ? '' : size, speaking ? 'speaking' : '']
    .filter(Boolean)
    .join(' ');
  // The initial is drawn by CSS (attr()): decoration, not text — so it is not part of what a button
  // containing the avatar visibly says (WCAG 2.5.3, label in name).
  return (
    <span
      className={classes}
      style={{ background: imageUrl ? 'transparent' : colorFor(userId) }}
      data-initial={imageUrl ? undefined : (name.trim()[0] ?? '?').toUpperCase()}
      aria-hidden="true"
    >
      {imageUrl ? <img src={imageUrl} alt="" /> : null}
      {status ? <span className={`presence-dot ${status === 'invisible' ? 'offline' : status}`} /> : null}
    </span>
  );
}
