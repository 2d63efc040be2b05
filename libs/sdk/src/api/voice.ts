import type {
  FileObject,
  UploadTicket,
  VoiceJoinResponse,
  VoiceState,
  VoiceStatus,
} from '@bonfire/contracts';
import type { RestClient } from '../rest-client';
import type {
  CompletedPart,
  MemberVoiceStateUpdate,
  SelfVoiceStateUpdate,
  UploadRequest,
  VoiceJoinRequest,
} from './types';

const MEMBER_STATE = '/api/v1/guilds/{guildId}/voice-states/{userId}';

/** Voice REST (the voice service, through the gateway). Media and signaling: `@bonfire/sdk/voice`. */
export class VoiceApi {
  constructor(private readonly rest: RestClient) {}

  /** Joins (or moves to) a voice channel; answers the signaling endpoint and a voice token. */
  join(channelId: string, body: VoiceJoinRequest = {}): Promise<VoiceJoinResponse> {
    return this.rest.post('/api/v1/channels/{channelId}/voice', { params: { channelId }, body });
  }

  /** Leaves whatever voice channel the user is in. */
  leave(): Promise<void> {
    return this.rest.delete('/api/v1/users/@me/voice-state');
  }

  updateSelf(body: SelfVoiceStateUpdate): Promise<VoiceState> {
    return this.rest.patch('/api/v1/users/@me/voice-state', { body });
  }

  /** Server mute / deafen / move another member (needs MUTE_MEMBERS, DEAFEN_MEMBERS, MOVE_MEMBERS). */
  moderate(guildId: string, userId: string, body: MemberVoiceStateUpdate): Promise<VoiceState> {
    return this.rest.patch(MEMBER_STATE, { params: { guildId, userId }, body });
  }

  /** Disconnects another member from voice (MOVE_MEMBERS). */
  disconnect(guildId: string, userId: string): Promise<void> {
    return this.rest.delete(MEMBER_STATE, { params: { guildId, userId } });
  }

  guildStates(guildId: string): Promise<VoiceState[]> {
    return this.rest.get('/api/v1/guilds/{guildId}/voice-states', { params: { guildId } });
  }

  channelStates(channelId: string): Promise<VoiceState[]> {
    return this.rest.get('/api/v1/channels/{channelId}/voice-states', { params: { channelId } });
  }

  /** Whether voice channels can be joined (false: show them as unavailable, with `message`). */
  status(): Promise<VoiceStatus> {
    return this.rest.get('/api/v1/voice/status');
  }
}

/** The raw file routes; `client.files.upload*` (FilesApi) wraps them with the byte transfer. */
export class FileRoutes {
  constructor(private readonly rest: RestClient) {}

  requestAttachment(channelId: string, body: UploadRequest): Promise<UploadTicket> {
    return this.rest.post('/api/v1/channels/{channelId}/attachments', { params: { channelId }, body });
  }

  requestAvatar(body: UploadRequest): Promise<UploadTicket> {
    return this.rest.post('/api/v1/users/@me/avatar', { body });
  }

  requestGuildIcon(guildId: string, body: UploadRequest): Promise<UploadTicket> {
    return this.rest.post('/api/v1/guilds/{guildId}/icon', { params: { guildId }, body });
  }

  complete(fileId: string, parts?: CompletedPart[]): Promise<FileObject> {
    return this.rest.post('/api/v1/attachments/{fileId}/complete', {
      params: { fileId },
      body: parts ? { parts } : {},
    });
  }
}
