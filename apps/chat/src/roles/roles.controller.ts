import { type Role, roleSchema } from '@bonfire/contracts';
import {
  Caller,
  type CallerIdentity,
  errorBodySchema,
  openApiSchema,
  ZodValidationPipe,
} from '@bonfire/platform';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
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

  @Get()
  @ApiOperation({ summary: "The guild's roles, lowest first (@everyone has the guild's id and position 0)." })
  @ApiOkResponse({ schema: openApiSchema(z.array(roleSchema)) })
  list(@Caller() caller: CallerIdentity, @Param('guildId', guildIdPipe()) guildId: string): Promise<Role[]> {
    return this.roles.list(guildId, caller.userId);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Create a role at position 1 (MANAGE_ROLES; only permissions you hold, unless owner or admin).',
  })
  @ApiBody({ schema: openApiSchema(createRoleSchema, 'input'), required: false })
  @ApiCreatedResponse({ schema: openApiSchema(roleSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED, TOO_MANY_ROLES', schema: errors })
  @ApiResponse({
    status: 403,
    description: 'MISSING_PERMISSION, CANNOT_GRANT_PERMISSIONS, ROLE_HIERARCHY',
    schema: errors,
  })
  create(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Body(new ZodValidationPipe(createRoleSchema)) body: CreateRoleDto,
  ): Promise<Role> {
    return this.roles.create(guildId, caller.userId, body);
  }

  @Patch()
  @ApiOperation({ summary: 'Move roles: [{id, position}] (MANAGE_ROLES; only roles below your highest).' })
  @ApiBody({ schema: openApiSchema(rolePositionsSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(z.array(roleSchema)) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED', schema: errors })
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION, ROLE_HIERARCHY', schema: errors })
  reorder(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Body(new ZodValidationPipe(rolePositionsSchema)) body: RolePositionsDto,
  ): Promise<Role[]> {
    return this.roles.reorder(guildId, caller.userId, body);
  }

  @Patch(':roleId')
  @ApiOperation({ summary: 'Edit a role below your highest (MANAGE_ROLES).' })
  @ApiBody({ schema: openApiSchema(updateRoleSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(roleSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED (also for an empty body)', schema: errors })
  @ApiResponse({
    status: 403,
    description: 'MISSING_PERMISSION, CANNOT_GRANT_PERMISSIONS, ROLE_HIERARCHY',
    schema: errors,
  })
  update(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Param('roleId', roleIdPipe()) roleId: string,
    @Body(new ZodValidationPipe(updateRoleSchema)) body: UpdateRoleDto,
  ): Promise<Role> {
    return this.roles.update(guildId, roleId, caller.userId, body);
  }

  @Delete(':roleId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a role below your highest (MANAGE_ROLES); @everyone cannot be deleted.' })
  @ApiNoContentResponse()
  @ApiResponse({ status: 400, description: 'EVERYONE_ROLE', schema: errors })
  @ApiResponse({ status: 403, description: 'MISSING_PERMISSION, ROLE_HIERARCHY', schema: errors })
  async delete(
    @Caller() caller: CallerIdentity,
    @Param('guildId', guildIdPipe()) guildId: string,
    @Param('roleId', roleIdPipe()) roleId: string,
  ): Promise<void> {
    await this.roles.delete(guildId, roleId, caller.userId);
  }
}
