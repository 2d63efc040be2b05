import type { DynamicModule } from '@nestjs/common';

/** Conversation feature modules: messages, pins, reactions, DMs and group DMs, read states. */
export const MESSAGE_FEATURE_MODULES: NonNullable<DynamicModule['imports']> = [];
