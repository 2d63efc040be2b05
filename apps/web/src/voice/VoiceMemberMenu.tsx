import type { VoiceState } from '@bonfire/contracts';
import { useEffect, useRef, useState } from 'react';
import { useStore } from '../app/hooks';
import type { GuildState } from '../app/store';
import { describeError } from '../app/util';
import { useGuildPermissions } from '../permissions/usePermissions';
import { notify } from '../ui/Toasts';
import { Icon } from '../ui/Icon';
import { IconButton } from '../ui/IconButton';

/**
 * The moderator's menu on a person in voice (the "…" button of their stage tile or of their entry under
 * the voice channel in the sidebar, or a right click on either):
 * server mute, server deafen, move to another voice channel, disconnect. Shown only to members who hold
 * MUTE_MEMBERS, DEAFEN_MEMBERS or MOVE_MEMBERS; the API decides the rest (hierarchy, CONNECT on the target).
 */
export function VoiceMemberMenu({
  guildState,
  state,
  name,
}: {
  guildState: GuildState;
  state: VoiceState;
  name: string;
}) {
  const store = useStore();
  const perms = useGuildPermissions(guildState);
  const allowed = {
    mute: perms.can('MUTE_MEMBERS'),
    deafen: perms.can('DEAFEN_MEMBERS'),
    move: perms.can('MOVE_MEMBERS'),
  };
  const shown = allowed.mute || allowed.deafen || allowed.move;
  const [open, setOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const close = (event: MouseEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  // A right click anywhere on the tile (or the sidebar entry) opens the same menu.
  useEffect(() => {
    const tile = buttonRef.current?.closest<HTMLElement>('figure, li');
    if (!tile) return;
    const onContextMenu = (event: MouseEvent) => {
      event.preventDefault();
      setOpen(true);
    };
    tile.addEventListener('contextmenu', onContextMenu);
    return () => tile.removeEventListener('contextmenu', onContextMenu);
  }, [shown]);

  if (!shown) return null;
  const guildId = guildState.guild.id;
  const targets = allowed.move
    ? guildState.channels.filter((channel) => channel.type === 'voice' && channel.id !== state.channelId)
    : [];

  const run = (what: string, action: () => Promise<unknown>) => {
    setOpen(false);
    buttonRef.current?.focus();
    action().then(
      () => notify(`${what}.`, 'info'),
      (error: unknown) => notify(`Could not ${what.toLowerCase()}: ${describeError(error)}`),
    );
  };

  return (
    <div className="voice-member-menu">
      <IconButton
        ref={buttonRef}
        label={`Voice options for ${name}`}
        title="Voice options"
        expanded={open}
        hasPopup="menu"
        onClick={() => setOpen((value) => !value)}
      >
        <Icon name="more" size={18} />
      </IconButton>
      {open ? (
        <div
          ref={menuRef}
          className="menu"
          role="menu"
          aria-label={`Voice options for ${name}`}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              setOpen(false);
              buttonRef.current?.focus();
            }
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              const items = [
                ...(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []),
              ];
              const index = items.indexOf(document.activeElement as HTMLButtonElement);
              const next = (index + (event.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
              items[next]?.focus();
            }
          }}
        >
          {allowed.mute ? (
            <button
              role="menuitem"
              onClick={() =>
                run(state.mute ? `Removed the server mute of ${name}` : `Server-muted ${name}`, () =>
                  store.voiceActions.moderate(guildId, state.userId, { mute: !state.mute }),
                )
              }
            >
              {state.mute ? 'Remove server mute' : 'Server mute'}
            </button>
          ) : null}
          {allowed.deafen ? (
            <button
              role="menuitem"
              onClick={() =>
                run(state.deaf ? `Removed the server deafen of ${name}` : `Server-deafened ${name}`, () =>
                  store.voiceActions.moderate(guildId, state.userId, { deaf: !state.deaf }),
                )
              }
            >
              {state.deaf ? 'Remove server deafen' : 'Server deafen'}
            </button>
          ) : null}
          {targets.map((channel) => (
            <button
              key={channel.id}
              role="menuitem"
              onClick={() =>
                run(`Moved ${name} to ${channel.name}`, () =>
                  store.voiceActions.moderate(guildId, state.userId, { channelId: channel.id }),
                )
              }
            >
              Move to {channel.name}
            </button>
          ))}
          {allowed.move ? (
            <button
              role="menuitem"
              className="danger"
              onClick={() =>
                run(`Disconnected ${name}`, () => store.voiceActions.disconnect(guildId, state.userId))
              }
            >
              Disconnect
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
