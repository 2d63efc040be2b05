import { z } from 'zod';
import { TOPICS } from '../topics';
import { defineEvent } from './define-event';

const publicUser = z.object({
  id: z.string().min(1),
  username: z.string().min(1),
  displayName: z.string().nullable(),
  avatarFileId: z.string().nullable(),
  about: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});

export const authEvents = {
  'user.created': defineEvent({ topic: TOPICS.authUsers, version: 1, schema: publicUser }),
  'user.updated': defineEvent({ topic: TOPICS.authUsers, version: 1, schema: publicUser }),
};
