import type {
  Application,
  AuthorizeBotInput,
  BotAuthorizationInfo,
  BotAuthorizationResult,
  BotToken,
  CreateApplicationRequest,
  UpdateApplicationRequest,
} from '@bonfire/sdk';
import type { StoreKernel } from './kernel';

/** My applications (bots) and adding a bot to a guild; the developer screens keep what they list. */
export class DeveloperActions {
  constructor(private readonly kernel: StoreKernel) {}

  applications(): Promise<Application[]> {
    return this.kernel.client.applications.list();
  }

  create(request: CreateApplicationRequest): Promise<Application> {
    return this.kernel.client.applications.create(request);
  }

  update(applicationId: string, patch: UpdateApplicationRequest): Promise<Application> {
    return this.kernel.client.applications.update(applicationId, patch);
  }

  /** A new bot token (shown once); the old one stops working. */
  resetBotToken(applicationId: string): Promise<BotToken> {
    return this.kernel.client.applications.resetBotToken(applicationId);
  }

  delete(applicationId: string): Promise<void> {
    return this.kernel.client.applications.delete(applicationId);
  }

  /** What the authorise link shows: the application, its bot and the permissions asked. */
  authorizeInfo(clientId: string, permissions: string): Promise<BotAuthorizationInfo> {
    return this.kernel.client.applications.authorizeInfo({ clientId, permissions });
  }

  authorize(request: AuthorizeBotInput): Promise<BotAuthorizationResult> {
    return this.kernel.client.applications.authorize(request);
  }
}
