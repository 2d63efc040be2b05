export * from './envelope';
export * from './errors';
export * from './topics';
export * from './events/define-event';
export * from './events/registry';
export * from './permissions/permissions';
export * from './api/chat.dto';
export * from './realtime';
