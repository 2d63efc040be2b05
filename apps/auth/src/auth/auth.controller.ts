import { Caller, type CallerIdentity, ClientAddress, Public, ZodValidationPipe } from '@bonfire/platform';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiNoContentResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { UserAgent } from '../http/user-agent';
import { errorBodySchema, openApiSchema } from '@bonfire/platform';
import { type RefreshDto, refreshSchema, type TokenPair, tokenPairSchema } from '../sessions/sessions.dto';
import { SessionsService } from '../sessions/sessions.service';
import {
  type AuthResult,
  authResultSchema,
  type ChangePasswordDto,
  changePasswordSchema,
  type LoginDto,
  loginSchema,
  type RegisterDto,
  registerSchema,
} from './auth.dto';
import { AuthService } from './auth.service';

const errorSchema = openApiSchema(errorBodySchema);

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
  ) {}

  @Public()
  @Post('register')
  @HttpCode(201)
  @ApiOperation({ summary: 'Create an account and sign in.' })
  @ApiBody({ schema: openApiSchema(registerSchema, 'input') })
  @ApiResponse({ status: 201, schema: openApiSchema(authResultSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED or WEAK_PASSWORD', schema: errorSchema })
  @ApiResponse({ status: 409, description: 'USERNAME_TAKEN or EMAIL_TAKEN', schema: errorSchema })
  register(
    @Body(new ZodValidationPipe(registerSchema)) body: RegisterDto,
    @ClientAddress() ip: string,
    @UserAgent() userAgent: string | null,
  ): Promise<AuthResult> {
    return this.auth.register(body, { ip, userAgent });
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with email or username.' })
  @ApiBody({ schema: openApiSchema(loginSchema, 'input') })
  @ApiResponse({ status: 200, schema: openApiSchema(authResultSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED', schema: errorSchema })
  @ApiResponse({ status: 401, description: 'INVALID_CREDENTIALS', schema: errorSchema })
  @ApiResponse({ status: 429, description: 'TOO_MANY_ATTEMPTS (Retry-After header)', schema: errorSchema })
  login(
    @Body(new ZodValidationPipe(loginSchema)) body: LoginDto,
    @ClientAddress() ip: string,
    @UserAgent() userAgent: string | null,
  ): Promise<AuthResult> {
    return this.auth.login(body, { ip, userAgent });
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair (the old one stops working).' })
  @ApiBody({ schema: openApiSchema(refreshSchema, 'input') })
  @ApiResponse({ status: 200, schema: openApiSchema(tokenPairSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED', schema: errorSchema })
  @ApiResponse({
    status: 401,
    description: 'INVALID_REFRESH_TOKEN or REFRESH_TOKEN_REUSED',
    schema: errorSchema,
  })
  refresh(
    @Body(new ZodValidationPipe(refreshSchema)) body: RefreshDto,
    @ClientAddress() ip: string,
  ): Promise<TokenPair> {
    return this.sessions.refresh(body.refreshToken, ip);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth('accessToken')
  @ApiOperation({ summary: "Revoke the caller's session (its access token lives on until it expires)." })
  @ApiNoContentResponse()
  logout(@Caller() caller: CallerIdentity): Promise<void> {
    return this.sessions.logout(caller);
  }

  @Post('password')
  @HttpCode(204)
  @ApiBearerAuth('accessToken')
  @ApiOperation({ summary: 'Change the password; every other session is revoked.' })
  @ApiBody({ schema: openApiSchema(changePasswordSchema, 'input') })
  @ApiNoContentResponse()
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED or WEAK_PASSWORD', schema: errorSchema })
  @ApiResponse({ status: 403, description: 'INVALID_CURRENT_PASSWORD', schema: errorSchema })
  @ApiResponse({ status: 429, description: 'TOO_MANY_ATTEMPTS (Retry-After header)', schema: errorSchema })
  changePassword(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(changePasswordSchema)) body: ChangePasswordDto,
    @ClientAddress() ip: string,
    @UserAgent() userAgent: string | null,
  ): Promise<void> {
    return this.auth.changePassword(caller, body, { ip, userAgent });
  }
}
