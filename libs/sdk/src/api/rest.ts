// The SDK's REST groups, one file per domain; each calls its routes through RestClient (../rest-client.ts),
// typed from the generated OpenAPI types.
export { AuthApi } from './auth';
export { DmsApi, PresenceApi, ReadStatesApi, UsersApi } from './users';
export { ChannelsApi, GuildsApi, InvitesApi, MembersApi, RolesApi } from './guilds';
export { createNonce, MessagesApi, ReactionsApi, SearchApi, type ReactionEmoji } from './messages';
export { ThreadsApi } from './threads';
export { ApplicationsApi, WebhooksApi } from './webhooks';
export { FileRoutes, VoiceApi } from './voice';
