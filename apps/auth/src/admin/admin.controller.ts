import { ERROR } from '@bonfire/contracts';
import { Caller, type CallerIdentity, Endpoint, idParam, Public, ZodValidationPipe } from '@bonfire/platform';
import { Body, Controller, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  type AdminUser,
  adminUserSchema,
  type AdminUsersPage,
  adminUsersPageSchema,
  type AdminUsersQuery,
  adminUsersQuerySchema,
  type CreateInstanceInviteDto,
  createInstanceInviteSchema,
  type InstanceInfo,
  instanceInfoSchema,
  type InstanceInvite,
  instanceInviteSchema,
  type InstanceSettings,
  instanceSettingsSchema,
  type InstanceStats,
  instanceStatsSchema,
  type SuspendUserDto,
  suspendUserSchema,
  type UpdateInstanceSettingsDto,
  updateInstanceSettingsSchema,
} from './admin.dto';
import { AdminService } from './admin.service';
import { InstanceService } from './instance.service';

const NOT_ADMIN = ERROR.INSTANCE_ADMIN_REQUIRED;
const userId = () => idParam(ERROR.USER_NOT_FOUND, 'User not found.');

/** What any client may know before signing in. */
@ApiTags('instance')
@Controller('api/v1/instance')
export class InstanceController {
  constructor(private readonly instance: InstanceService) {}

  @Endpoint({
    method: 'GET',
    summary: 'The instance: its registration mode (open, invite_only: an invite code needed, closed).',
    response: instanceInfoSchema,
  })
  @Public()
  info(): Promise<InstanceInfo> {
    return this.instance.info();
  }
}

/** Instance admins: accounts (search, suspension, two-factor reset) and statistics. */
@ApiTags('admin')
@ApiBearerAuth('accessToken')
@Controller('api/v1/admin')
export class AdminController {
  constructor(private readonly admin: AdminService) {}

  @Endpoint({
    method: 'GET',
    path: 'users',
    summary:
      'People (not bots), newest first, searched by username or email (contains); instance admins only.',
    query: adminUsersQuerySchema,
    response: adminUsersPageSchema,
    errors: { 400: 'VALIDATION_FAILED', 403: NOT_ADMIN },
  })
  users(
    @Caller() caller: CallerIdentity,
    @Query(new ZodValidationPipe(adminUsersQuerySchema)) query: AdminUsersQuery,
  ): Promise<AdminUsersPage> {
    return this.admin.listUsers(caller, query);
  }

  @Endpoint({
    method: 'POST',
    path: 'users/:id/suspend',
    summary: 'Suspend an account: every session ends at once; no sign-in, refresh or bot token until lifted.',
    description: 'What the user posted is kept. An instance admin cannot be suspended.',
    body: suspendUserSchema,
    response: adminUserSchema,
    errors: {
      400: 'VALIDATION_FAILED',
      403: NOT_ADMIN,
      404: 'USER_NOT_FOUND',
      409: 'CANNOT_SUSPEND_ADMIN',
    },
  })
  suspend(
    @Caller() caller: CallerIdentity,
    @Param('id', userId()) id: string,
    @Body(new ZodValidationPipe(suspendUserSchema)) body: SuspendUserDto,
  ): Promise<AdminUser> {
    return this.admin.suspend(caller, id, body.reason);
  }

  @Endpoint({
    method: 'POST',
    path: 'users/:id/unsuspend',
    summary: 'Lift a suspension: the user may sign in again.',
    response: adminUserSchema,
    errors: { 403: NOT_ADMIN, 404: 'USER_NOT_FOUND' },
  })
  unsuspend(@Caller() caller: CallerIdentity, @Param('id', userId()) id: string): Promise<AdminUser> {
    return this.admin.unsuspend(caller, id);
  }

  @Endpoint({
    method: 'POST',
    path: 'users/:id/reset-two-factor',
    summary: 'Turn off the two-factor authentication of a user who lost their device; their sessions end.',
    response: adminUserSchema,
    errors: { 403: NOT_ADMIN, 404: 'USER_NOT_FOUND', 409: 'MFA_NOT_ENABLED' },
  })
  resetTwoFactor(@Caller() caller: CallerIdentity, @Param('id', userId()) id: string): Promise<AdminUser> {
    return this.admin.resetTwoFactor(caller, id);
  }

  @Endpoint({
    method: 'GET',
    path: 'stats',
    summary: 'Counts: people, bots, registered in the last 7 days, suspended, active sessions.',
    response: instanceStatsSchema,
    errors: { 403: NOT_ADMIN },
  })
  stats(@Caller() caller: CallerIdentity): Promise<InstanceStats> {
    return this.admin.stats(caller);
  }
}

/** Instance admins: the registration mode and the instance invite codes. */
@ApiTags('admin')
@ApiBearerAuth('accessToken')
@Controller('api/v1/admin')
export class AdminInstanceController {
  constructor(private readonly instance: InstanceService) {}

  @Endpoint({
    method: 'GET',
    path: 'settings',
    summary: 'The instance settings (registration mode); instance admins only.',
    response: instanceSettingsSchema,
    errors: { 403: NOT_ADMIN },
  })
  settings(@Caller() caller: CallerIdentity): Promise<InstanceSettings> {
    return this.instance.settings(caller);
  }

  @Endpoint({
    method: 'PATCH',
    path: 'settings',
    summary: 'Change the registration mode (takes effect at once).',
    body: updateInstanceSettingsSchema,
    response: instanceSettingsSchema,
    errors: { 400: 'VALIDATION_FAILED (also for an empty body)', 403: NOT_ADMIN },
  })
  updateSettings(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(updateInstanceSettingsSchema)) body: UpdateInstanceSettingsDto,
  ): Promise<InstanceSettings> {
    return this.instance.updateSettings(caller, body);
  }

  @Endpoint({
    method: 'GET',
    path: 'invites',
    summary: 'The instance invite codes (registration in invite_only mode), newest first.',
    response: z.array(instanceInviteSchema),
    errors: { 403: NOT_ADMIN },
  })
  invites(@Caller() caller: CallerIdentity): Promise<InstanceInvite[]> {
    return this.instance.listInvites(caller);
  }

  @Endpoint({
    method: 'POST',
    path: 'invites',
    summary: 'Create an instance invite code (optionally limited in uses and in lifetime).',
    body: createInstanceInviteSchema,
    bodyOptional: true,
    response: instanceInviteSchema,
    status: 201,
    errors: { 400: 'VALIDATION_FAILED', 403: NOT_ADMIN },
  })
  createInvite(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(createInstanceInviteSchema)) body: CreateInstanceInviteDto,
  ): Promise<InstanceInvite> {
    return this.instance.createInvite(caller, body);
  }

  @Endpoint({
    method: 'DELETE',
    path: 'invites/:code',
    summary: 'Revoke an instance invite code.',
    errors: { 403: NOT_ADMIN, 404: 'UNKNOWN_INSTANCE_INVITE' },
  })
  deleteInvite(@Caller() caller: CallerIdentity, @Param('code') code: string): Promise<void> {
    return this.instance.deleteInvite(caller, code);
  }
}
