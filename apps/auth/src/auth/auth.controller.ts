import {
  Caller,
  type CallerIdentity,
  ClientAddress,
  Public,
  ZodValidationPipe,
  Endpoint,
} from '@bonfire/platform';
import { Body, Controller, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { MailLocale } from '../http/accept-language';
import { UserAgent } from '../http/user-agent';
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

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
  ) {}

  @Endpoint({
    method: 'POST',
    path: 'register',
    summary: 'Create an account and sign in; a verification link is mailed to the address.',
    description:
      "The mail is written in the request's Accept-Language when auth has it, else English. With " +
      'AUTH_UNVERIFIED_POLICY=block the answer is 202 with the user and no tokens: sign in once verified.',
    body: registerSchema,
    response: authResultSchema,
    status: 201,
    alsoAnswers: [{ status: 202, description: '202', response: pendingVerificationSchema }],
    errors: {
      400: 'VALIDATION_FAILED or WEAK_PASSWORD',
      403:
        'REGISTRATION_CLOSED, or (invite_only, see GET /api/v1/instance) INSTANCE_INVITE_REQUIRED or ' +
        'INSTANCE_INVITE_INVALID (unknown, expired or used up)',
      409: 'USERNAME_TAKEN or EMAIL_TAKEN',
    },
  })
  @Public()
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

  @Endpoint({
    method: 'POST',
    path: 'login',
    summary: 'Sign in with email or username.',
    description:
      'With two-factor on, a right password answers `{ mfaRequired: true, ticket, expiresIn, methods }` and ' +
      'no tokens: POST the ticket and a code to /api/v1/auth/login/mfa.',
    body: loginSchema,
    response: loginAnswerSchema,
    errors: {
      400: 'VALIDATION_FAILED',
      401: 'INVALID_CREDENTIALS',
      403: 'ACCOUNT_SUSPENDED, or EMAIL_NOT_VERIFIED (only with AUTH_UNVERIFIED_POLICY=block)',
      429: 'TOO_MANY_ATTEMPTS (Retry-After header)',
    },
  })
  @Public()
  login(
    @Body(new ZodValidationPipe(loginSchema)) body: LoginDto,
    @ClientAddress() ip: string,
    @UserAgent() userAgent: string | null,
  ): Promise<AuthResult | MfaChallenge> {
    return this.auth.login(body, { ip, userAgent });
  }

  @Endpoint({
    method: 'POST',
    path: 'refresh',
    summary: 'Exchange a refresh token for a new pair (the old one stops working).',
    body: refreshSchema,
    response: tokenPairSchema,
    errors: {
      400: 'VALIDATION_FAILED',
      401: 'INVALID_REFRESH_TOKEN, REFRESH_TOKEN_REUSED or ACCOUNT_SUSPENDED',
    },
  })
  @Public()
  refresh(
    @Body(new ZodValidationPipe(refreshSchema)) body: RefreshDto,
    @ClientAddress() ip: string,
  ): Promise<TokenPair> {
    return this.sessions.refresh(body.refreshToken, ip);
  }

  @Endpoint({
    method: 'POST',
    path: 'logout',
    summary: "Revoke the caller's session (its access token lives on until it expires).",
  })
  @ApiBearerAuth('accessToken')
  logout(@Caller() caller: CallerIdentity): Promise<void> {
    return this.sessions.logout(caller);
  }

  @Endpoint({
    method: 'POST',
    path: 'password',
    summary: 'Change the password; every other session is revoked.',
    body: changePasswordSchema,
    errors: {
      400: 'VALIDATION_FAILED or WEAK_PASSWORD',
      403: 'INVALID_CURRENT_PASSWORD',
      429: 'TOO_MANY_ATTEMPTS (Retry-After header)',
    },
  })
  @ApiBearerAuth('accessToken')
  changePassword(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(changePasswordSchema)) body: ChangePasswordDto,
    @ClientAddress() ip: string,
    @UserAgent() userAgent: string | null,
  ): Promise<void> {
    return this.auth.changePassword(caller, body, { ip, userAgent });
  }
}
