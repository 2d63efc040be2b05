import { type Role, roleSchema } from '@bonfire/contracts';
import {
  Caller,
  type CallerIdentity,
  errorBodySchema,
  openApiSchema,
  ZodValidationPipe,
  Endpoint,
} from '@bonfire/platform';
import { Body, Controller, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { guildIdPipe, roleIdPipe } from '../guilds/guild-common';
import {
  type CreateRoleDto,
  createRoleSchema,
  type RolePositionsDto,
  rolePositionsSchema,
  type UpdateRoleDto,
  updateRoleSchema,
} from './roles.dto';
import { RolesService } from './roles.service';

const errors = openApiSchema(errorBodySchema);

@ApiTags('roles')
@ApiBearerAuth('accessToken')
@ApiResponse({ status: 404, description: 'UNKNOWN_GUILD (not a member), UNKNOWN_ROLE', schema: errors })
@Controller('api/v1/guilds/:guildId/roles')
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  @Endpoint({
    method: 'GET',
    summary: "The guild's roles, lowest first (@everyone has the guild's id and position 0).",
    response: z.array(roleSchema),
  })
  list(@Caller() caller: CallerIdentity, @Param('guildId', guildIdPipe()) guildId: string): Promise<Role[]> {
    return this.roles.list(guildId, caller.userId);
  }

  @Endpoint({
    method: 'POST',
    summary: 'Create a role at position 1 (MANAGE_ROLES; only permissions you hold, unless owner or admin).',
    body: createRoleSchema,
    response: roleSchema,
    status: 201,
    errors: {
      400: 'VALIDATION_FAILED, TOO_MANY_ROLES',
      403: 'MISSING_PERMISSION, CANNOT_GRANT_PERMISSIONS, ROLE_HIERARCHY',
    },
    bodyOptional: true,
  })
  create(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Body(new ZodValidationPipe(createRoleSchema)) body: CreateRoleDto,
  ): Promise<Role> {
    return this.roles.create(guildId, caller.userId, body);
  }

  @Endpoint({
    method: 'PATCH',
    summary: 'Move roles: [{id, position}] (MANAGE_ROLES; only roles below your highest).',
    body: rolePositionsSchema,
    response: z.array(roleSchema),
    errors: { 400: 'VALIDATION_FAILED', 403: 'MISSING_PERMISSION, ROLE_HIERARCHY' },
  })
  reorder(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Body(new ZodValidationPipe(rolePositionsSchema)) body: RolePositionsDto,
  ): Promise<Role[]> {
    return this.roles.reorder(guildId, caller.userId, body);
  }

  @Endpoint({
    method: 'PATCH',
    path: ':roleId',
    summary: 'Edit a role below your highest (MANAGE_ROLES).',
    body: updateRoleSchema,
    response: roleSchema,
    errors: {
      400: 'VALIDATION_FAILED (also for an empty body)',
      403: 'MISSING_PERMISSION, CANNOT_GRANT_PERMISSIONS, ROLE_HIERARCHY',
    },
  })
  update(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Param('roleId', roleIdPipe()) roleId: string,
    @Body(new ZodValidationPipe(updateRoleSchema)) body: UpdateRoleDto,
  ): Promise<Role> {
    return this.roles.update(guildId, roleId, caller.userId, body);
  }

  @Endpoint({
    method: 'DELETE',
    path: ':roleId',
    summary: 'Delete a role below your highest (MANAGE_ROLES); @everyone cannot be deleted.',
    errors: { 400: 'EVERYONE_ROLE', 403: 'MISSING_PERMISSION, ROLE_HIERARCHY' },
  })
  async delete(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Param('roleId', roleIdPipe()) roleId: string,
  ): Promise<void> {
    await this.roles.delete(guildId, roleId, caller.userId);
  }
}
