import { useState } from 'react';
import type { Channel } from '@bonfire/sdk';
import { useStore } from '../app/hooks';
import { capitalise, describeError } from '../app/util';
import { notify } from '../ui/Toasts';
import { planChannelMove, siblings } from './channel-order';

/**
 * Drag and drop in the channel list (MANAGE_CHANNELS): a channel dropped on another takes its place (in
 * that channel's category), dropped on a category header it goes to the end of that category; a
 * category dropped on another category takes its place. The keyboard way is Move up / Move down in the
 * channel's settings.
 */
export function useChannelDrag(guildId: string, channels: readonly Channel[], enabled: boolean) {
  const store = useStore();
  const [dragId, setDragId] = useState<string | null>(null);
  const [overId, setOverId] = useState<string | null>(null);
  const dragged = channels.find((channel) => channel.id === dragId);

  /** Where the dragged channel would go when dropped on `target`, or null if it cannot go there. */
  const destination = (target: Channel): { parentId: string | null; index: number } | null => {
    if (!dragged || dragged.id === target.id) return null;
    if (dragged.type === 'category') {
      if (target.type !== 'category') return null;
      return { parentId: null, index: siblings(channels, target).findIndex((c) => c.id === target.id) };
    }
    if (target.type === 'category') {
      const inside = siblings(channels, dragged, target.id).filter((c) => c.id !== dragged.id);
      return { parentId: target.id, index: inside.length };
    }
    return {
      parentId: target.parentId,
      index: siblings(channels, target).findIndex((c) => c.id === target.id),
    };
  };

  const drop = async (target: Channel) => {
    const where = destination(target);
    const moved = dragged;
    setDragId(null);
    setOverId(null);
    if (!where || !moved) return;
    const updates = planChannelMove(channels, moved.id, where);
    if (updates.length === 0) return;
    try {
      const next = await store.client.channels.reorder(guildId, updates);
      for (const channel of next) store.putChannel(channel);
    } catch (error) {
      notify(capitalise(`the channel could not be moved: ${describeError(error)}`));
    }
  };

  const dragProps = (channel: Channel) =>
    enabled
      ? {
          draggable: true,
          onDragStart: (event: React.DragEvent) => {
            event.stopPropagation();
            event.dataTransfer.setData('text/plain', channel.id);
            event.dataTransfer.effectAllowed = 'move';
            setDragId(channel.id);
          },
          onDragEnd: () => {
            setDragId(null);
            setOverId(null);
          },
        }
      : {};

  const dropProps = (target: Channel) =>
    enabled
      ? {
          onDragOver: (event: React.DragEvent) => {
            if (!destination(target)) return;
            event.preventDefault();
            event.stopPropagation();
            event.dataTransfer.dropEffect = 'move';
            if (overId !== target.id) setOverId(target.id);
          },
          onDragLeave: () => {
            if (overId === target.id) setOverId(null);
          },
          onDrop: (event: React.DragEvent) => {
            event.preventDefault();
            event.stopPropagation();
            void drop(target);
          },
        }
      : {};

  return { dragProps, dropProps, dragId, overId };
}
