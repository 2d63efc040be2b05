import {
  Caller,
  type CallerIdentity,
  ClientAddress,
  Public,
  ZodValidationPipe,
  Endpoint,
} from '@bonfire/platform';
import { Body, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { UserAgent } from '../http/user-agent';
import {
  type EnrolTotpDto,
  enrolTotpSchema,
  type MfaLoginDto,
  type MfaLoginResult,
  mfaLoginResultSchema,
  mfaLoginSchema,
  type MfaStatus,
  mfaStatusSchema,
  type RecoveryCodes,
  recoveryCodesSchema,
  type TotpCodeDto,
  totpCodeSchema,
  type TotpEnrolment,
  totpEnrolmentSchema,
} from './two-factor.dto';
import { TwoFactorService } from './two-factor.service';

/** The signed-in user's two-factor settings. */
@ApiTags('users')
@ApiBearerAuth('accessToken')
@Controller('api/v1/users/@me/mfa')
export class TwoFactorController {
  constructor(private readonly twoFactor: TwoFactorService) {}

  @Endpoint({
    method: 'GET',
    summary: 'Whether two-factor authentication is on, pending, and the recovery codes left.',
    response: mfaStatusSchema,
  })
  status(@Caller() caller: CallerIdentity): Promise<MfaStatus> {
    return this.twoFactor.status(caller);
  }

  @Endpoint({
    method: 'POST',
    path: 'totp',
    summary: 'Start a TOTP enrolment (password required): the secret, its otpauth:// URI and QR code.',
    description: 'Two-factor stays off until POST /users/@me/mfa/totp/confirm receives a code from the app.',
    body: enrolTotpSchema,
    response: totpEnrolmentSchema,
    errors: {
      429: 'TOO_MANY_ATTEMPTS (Retry-After header)',
      400: 'VALIDATION_FAILED',
      403: 'INVALID_CURRENT_PASSWORD',
      409: 'MFA_ALREADY_ENABLED',
    },
  })
  enrol(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(enrolTotpSchema)) body: EnrolTotpDto,
    @ClientAddress() ip: string,
  ): Promise<TotpEnrolment> {
    return this.twoFactor.enrol(caller, body.password, { ip });
  }

  @Endpoint({
    method: 'POST',
    path: 'totp/confirm',
    summary:
      'Confirm the enrolment with a code from the app: two-factor is on; ten recovery codes, shown once.',
    body: totpCodeSchema,
    response: recoveryCodesSchema,
    errors: {
      429: 'TOO_MANY_ATTEMPTS (Retry-After header)',
      400: 'VALIDATION_FAILED',
      403: 'INVALID_MFA_CODE',
      409: 'MFA_ALREADY_ENABLED or MFA_ENROLMENT_NOT_STARTED',
    },
  })
  confirm(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(totpCodeSchema)) body: TotpCodeDto,
    @ClientAddress() ip: string,
  ): Promise<RecoveryCodes> {
    return this.twoFactor.confirm(caller, body.code, { ip });
  }

  @Endpoint({
    method: 'POST',
    path: 'recovery-codes',
    summary: 'Replace the recovery codes (a TOTP or recovery code required); shown once.',
    body: totpCodeSchema,
    response: recoveryCodesSchema,
    errors: {
      429: 'TOO_MANY_ATTEMPTS (Retry-After header)',
      400: 'VALIDATION_FAILED',
      403: 'INVALID_MFA_CODE',
      409: 'MFA_NOT_ENABLED',
    },
  })
  regenerate(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(totpCodeSchema)) body: TotpCodeDto,
    @ClientAddress() ip: string,
  ): Promise<RecoveryCodes> {
    return this.twoFactor.regenerateRecoveryCodes(caller, body.code, { ip });
  }

  @Endpoint({
    method: 'DELETE',
    path: 'totp',
    summary: 'Turn two-factor off (a TOTP code or a recovery code required).',
    body: totpCodeSchema,
    errors: {
      429: 'TOO_MANY_ATTEMPTS (Retry-After header)',
      400: 'VALIDATION_FAILED',
      403: 'INVALID_MFA_CODE',
      409: 'MFA_NOT_ENABLED',
    },
  })
  disable(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(totpCodeSchema)) body: TotpCodeDto,
    @ClientAddress() ip: string,
  ): Promise<void> {
    return this.twoFactor.disable(caller, body.code, { ip });
  }
}

/** The second step of signing in to an account with two-factor on. */
@ApiTags('auth')
@Controller('api/v1/auth/login')
export class TwoFactorLoginController {
  constructor(private readonly twoFactor: TwoFactorService) {}

  @Endpoint({
    method: 'POST',
    path: 'mfa',
    summary: 'Complete a login that answered mfaRequired: the ticket and a TOTP or recovery code.',
    description:
      'The ticket is valid 5 minutes, for one successful code and at most 5 wrong ones. Wrong codes count ' +
      'toward the same failed-login limits as wrong passwords.',
    body: mfaLoginSchema,
    response: mfaLoginResultSchema,
    errors: {
      429: 'TOO_MANY_ATTEMPTS (Retry-After header)',
      400: 'VALIDATION_FAILED',
      401: 'INVALID_MFA_CODE, or INVALID_MFA_TICKET (unknown, expired or already used)',
      403: 'ACCOUNT_SUSPENDED',
    },
  })
  @Public()
  complete(
    @Body(new ZodValidationPipe(mfaLoginSchema)) body: MfaLoginDto,
    @ClientAddress() ip: string,
    @UserAgent() userAgent: string | null,
  ): Promise<MfaLoginResult> {
    return this.twoFactor.completeLogin(body, { ip, userAgent });
  }
}
