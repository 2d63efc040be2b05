import {
  Caller,
  type CallerIdentity,
  ClientAddress,
  errorBodySchema,
  openApiSchema,
  Public,
  ZodValidationPipe,
} from '@bonfire/platform';
import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
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

const errorSchema = openApiSchema(errorBodySchema);
const TOO_MANY = { status: 429, description: 'TOO_MANY_ATTEMPTS (Retry-After header)', schema: errorSchema };

/** The signed-in user's two-factor settings. */
@ApiTags('users')
@ApiBearerAuth('accessToken')
@Controller('api/v1/users/@me/mfa')
export class TwoFactorController {
  constructor(private readonly twoFactor: TwoFactorService) {}

  @Get()
  @ApiOperation({ summary: 'Whether two-factor authentication is on, pending, and the recovery codes left.' })
  @ApiOkResponse({ schema: openApiSchema(mfaStatusSchema) })
  status(@Caller() caller: CallerIdentity): Promise<MfaStatus> {
    return this.twoFactor.status(caller);
  }

  @Post('totp')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Start a TOTP enrolment (password required): the secret, its otpauth:// URI and QR code.',
    description: 'Two-factor stays off until POST /users/@me/mfa/totp/confirm receives a code from the app.',
  })
  @ApiBody({ schema: openApiSchema(enrolTotpSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(totpEnrolmentSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED', schema: errorSchema })
  @ApiResponse({ status: 403, description: 'INVALID_CURRENT_PASSWORD', schema: errorSchema })
  @ApiResponse({ status: 409, description: 'MFA_ALREADY_ENABLED', schema: errorSchema })
  @ApiResponse(TOO_MANY)
  enrol(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(enrolTotpSchema)) body: EnrolTotpDto,
    @ClientAddress() ip: string,
  ): Promise<TotpEnrolment> {
    return this.twoFactor.enrol(caller, body.password, { ip });
  }

  @Post('totp/confirm')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Confirm the enrolment with a code from the app: two-factor is on; ten recovery codes, shown once.',
  })
  @ApiBody({ schema: openApiSchema(totpCodeSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(recoveryCodesSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED', schema: errorSchema })
  @ApiResponse({ status: 403, description: 'INVALID_MFA_CODE', schema: errorSchema })
  @ApiResponse({
    status: 409,
    description: 'MFA_ALREADY_ENABLED or MFA_ENROLMENT_NOT_STARTED',
    schema: errorSchema,
  })
  @ApiResponse(TOO_MANY)
  confirm(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(totpCodeSchema)) body: TotpCodeDto,
    @ClientAddress() ip: string,
  ): Promise<RecoveryCodes> {
    return this.twoFactor.confirm(caller, body.code, { ip });
  }

  @Post('recovery-codes')
  @HttpCode(200)
  @ApiOperation({ summary: 'Replace the recovery codes (a TOTP or recovery code required); shown once.' })
  @ApiBody({ schema: openApiSchema(totpCodeSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(recoveryCodesSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED', schema: errorSchema })
  @ApiResponse({ status: 403, description: 'INVALID_MFA_CODE', schema: errorSchema })
  @ApiResponse({ status: 409, description: 'MFA_NOT_ENABLED', schema: errorSchema })
  @ApiResponse(TOO_MANY)
  regenerate(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(totpCodeSchema)) body: TotpCodeDto,
    @ClientAddress() ip: string,
  ): Promise<RecoveryCodes> {
    return this.twoFactor.regenerateRecoveryCodes(caller, body.code, { ip });
  }

  @Delete('totp')
  @HttpCode(204)
  @ApiOperation({ summary: 'Turn two-factor off (a TOTP code or a recovery code required).' })
  @ApiBody({ schema: openApiSchema(totpCodeSchema, 'input') })
  @ApiNoContentResponse()
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED', schema: errorSchema })
  @ApiResponse({ status: 403, description: 'INVALID_MFA_CODE', schema: errorSchema })
  @ApiResponse({ status: 409, description: 'MFA_NOT_ENABLED', schema: errorSchema })
  @ApiResponse(TOO_MANY)
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

  @Public()
  @Post('mfa')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Complete a login that answered mfaRequired: the ticket and a TOTP or recovery code.',
    description:
      'The ticket is valid 5 minutes, for one successful code and at most 5 wrong ones. Wrong codes count ' +
      'toward the same failed-login limits as wrong passwords.',
  })
  @ApiBody({ schema: openApiSchema(mfaLoginSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(mfaLoginResultSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED', schema: errorSchema })
  @ApiResponse({
    status: 401,
    description: 'INVALID_MFA_CODE, or INVALID_MFA_TICKET (unknown, expired or already used)',
    schema: errorSchema,
  })
  @ApiResponse(TOO_MANY)
  complete(
    @Body(new ZodValidationPipe(mfaLoginSchema)) body: MfaLoginDto,
    @ClientAddress() ip: string,
    @UserAgent() userAgent: string | null,
  ): Promise<MfaLoginResult> {
    return this.twoFactor.completeLogin(body, { ip, userAgent });
  }
}
