import type { DataExport } from '@bonfire/contracts';
import type {
  ChannelNotificationOverride,
  DeleteAccountRequest,
  MfaStatus,
  Presence,
  PrivateUser,
  RecoveryCodes,
  SessionInfo,
  TotpEnrolment,
  UpdateMeRequest,
  UpdatePresenceRequest,
  UploadFile,
  UploadOptions,
} from '@bonfire/sdk';
import type { StoreKernel } from './kernel';

/**
 * The signed-in person's own account: profile, presence, password and sessions, email, two-factor, data
 * exports, and deleting it all. The screens put what they get back into the state (`setMe`,
 * `setMyPresence`) as before.
 */
export class AccountActions {
  constructor(private readonly kernel: StoreKernel) {}

  me(): Promise<PrivateUser> {
    return this.kernel.client.users.me();
  }

  updateProfile(patch: UpdateMeRequest): Promise<PrivateUser> {
    return this.kernel.client.users.updateMe(patch);
  }

  /** Uploads the picture and makes it my avatar. */
  async changeAvatar(file: UploadFile, options: UploadOptions): Promise<PrivateUser> {
    const { client } = this.kernel;
    const uploaded = await client.files.uploadAvatar(file, options);
    return client.users.updateMe({ avatarFileId: uploaded.id });
  }

  updatePresence(patch: UpdatePresenceRequest): Promise<Presence> {
    return this.kernel.client.presence.update(patch);
  }

  // Password, sessions and email

  changePassword(currentPassword: string, newPassword: string): Promise<void> {
    return this.kernel.client.auth.changePassword(currentPassword, newPassword);
  }

  sessions(): Promise<SessionInfo[]> {
    return this.kernel.client.auth.sessions();
  }

  revokeSession(sessionId: string): Promise<void> {
    return this.kernel.client.auth.revokeSession(sessionId);
  }

  logout(): Promise<void> {
    return this.kernel.client.auth.logout();
  }

  resendVerification(email: string): Promise<void> {
    return this.kernel.client.auth.resendVerification(email);
  }

  requestEmailChange(email: string, password: string): Promise<void> {
    return this.kernel.client.auth.requestEmailChange(email, password);
  }

  /** Deletes the account, lets the page mark it (`onDeleted`) before the connection closes. */
  async deleteAccount(request: DeleteAccountRequest, onDeleted: () => void): Promise<void> {
    const { client } = this.kernel;
    await client.account.delete(request);
    onDeleted();
    client.realtime.disconnect();
  }

  // Two-factor

  mfaStatus(): Promise<MfaStatus> {
    return this.kernel.client.mfa.status();
  }

  enrolTotp(password: string): Promise<TotpEnrolment> {
    return this.kernel.client.mfa.enrolTotp(password);
  }

  confirmTotp(code: string): Promise<RecoveryCodes> {
    return this.kernel.client.mfa.confirmTotp(code);
  }

  regenerateRecoveryCodes(code: string): Promise<RecoveryCodes> {
    return this.kernel.client.mfa.regenerateRecoveryCodes(code);
  }

  disableTotp(code: string): Promise<void> {
    return this.kernel.client.mfa.disableTotp(code);
  }

  // Data exports and notifications

  dataExports(): Promise<DataExport[]> {
    return this.kernel.client.dataExports.list();
  }

  requestDataExport(): Promise<DataExport> {
    return this.kernel.client.dataExports.request();
  }

  /** Listens for my exports' progress; answers the unsubscribe. */
  onDataExportUpdated(listener: (update: DataExport) => void): () => void {
    return this.kernel.client.realtime.on('data_export.updated', listener);
  }

  /** The archive's bytes (only I may fetch it). */
  downloadDataExport(fileId: string): Promise<Response> {
    return this.kernel.client.files.downloadAttachment(fileId);
  }

  /** A DM's notification override (a guild channel's comes with the guild's settings). */
  channelNotificationOverride(channelId: string): Promise<ChannelNotificationOverride> {
    return this.kernel.client.notifications.channelOverride(channelId);
  }
}
