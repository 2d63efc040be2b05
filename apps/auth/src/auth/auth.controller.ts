import { Caller, type CallerIdentity, ClientAddress, Public, ZodValidationPipe } from '@bonfire/platform';
import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiNoContentResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { MailLocale } from '../http/accept-language';
import { UserAgent } from '../http/user-agent';
import { errorBodySchema, openApiSchema } from '@bonfire/platform';
import { type RefreshDto, refreshSchema, type TokenPair, tokenPairSchema } from '../sessions/sessions.dto';
import { SessionsService } from '../sessions/sessions.service';
import { loginAnswerSchema, type MfaChallenge } from '../two-factor/two-factor.dto';
import {
  type AuthResult,
  authResultSchema,
  type ChangePasswordDto,
  changePasswordSchema,
  type LoginDto,
  loginSchema,
  type PendingVerification,
  pendingVerificationSchema,
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
  @ApiOperation({
    summary: 'Create an account and sign in; a verification link is mailed to the address.',
    description:
      "The mail is written in the request's Accept-Language when auth has it, else English. With " +
      'AUTH_UNVERIFIED_POLICY=block the answer is 202 with the user and no tokens: sign in once verified.',
  })
  @ApiBody({ schema: openApiSchema(registerSchema, 'input') })
  @ApiResponse({ status: 201, schema: openApiSchema(authResultSchema) })
  @ApiResponse({ status: 202, schema: openApiSchema(pendingVerificationSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED or WEAK_PASSWORD', schema: errorSchema })
  @ApiResponse({ status: 409, description: 'USERNAME_TAKEN or EMAIL_TAKEN', schema: errorSchema })
  async register(
    @Body(new ZodValidationPipe(registerSchema)) body: RegisterDto,
    @ClientAddress() ip: string,
    @UserAgent() userAgent: string | null,
    @MailLocale() locale: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AuthResult | PendingVerification> {
    const result = await this.auth.register(body, { ip, userAgent, locale });
    if ('verificationRequired' in result) response.status(202);
    return result;
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with email or username.',
    description:
      'With two-factor on, a right password answers `{ mfaRequired: true, ticket, expiresIn, methods }` and ' +
      'no tokens: POST the ticket and a code to /api/v1/auth/login/mfa.',
  })
  @ApiBody({ schema: openApiSchema(loginSchema, 'input') })
  @ApiResponse({ status: 200, schema: openApiSchema(loginAnswerSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED', schema: errorSchema })
  @ApiResponse({ status: 401, description: 'INVALID_CREDENTIALS', schema: errorSchema })
  @ApiResponse({
    status: 403,
    description: 'EMAIL_NOT_VERIFIED (only with AUTH_UNVERIFIED_POLICY=block)',
    schema: errorSchema,
  })
  @ApiResponse({ status: 429, description: 'TOO_MANY_ATTEMPTS (Retry-After header)', schema: errorSchema })
  login(
    @Body(new ZodValidationPipe(loginSchema)) body: LoginDto,
    @ClientAddress() ip: string,
    @UserAgent() userAgent: string | null,
  ): Promise<AuthResult | MfaChallenge> {
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
