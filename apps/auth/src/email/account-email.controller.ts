import {
  Caller,
  type CallerIdentity,
  ClientAddress,
  errorBodySchema,
  openApiSchema,
  Public,
  ZodValidationPipe,
} from '@bonfire/platform';
import { Body, Controller, HttpCode, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiNoContentResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { MailLocale } from '../http/accept-language';
import {
  type Accepted,
  acceptedSchema,
  type EmailChangeConfirmDto,
  emailChangeConfirmSchema,
  type EmailChangeDto,
  emailChangeSchema,
  type PasswordResetConfirmDto,
  passwordResetConfirmSchema,
  type PasswordResetRequestDto,
  passwordResetRequestSchema,
  type ResendVerificationDto,
  resendVerificationSchema,
  type VerifyEmailDto,
  verifyEmailSchema,
} from './account-email.dto';
import { AccountEmailService } from './account-email.service';

const errorSchema = openApiSchema(errorBodySchema);
const ACCEPTED: Accepted = { accepted: true };
const LOCALE_NOTE = "The mail is written in the request's Accept-Language when auth has it, else English.";

/** The flows that go through a mailed link (verification, password reset, email change). */
@ApiTags('auth')
@Controller('api/v1')
export class AccountEmailController {
  constructor(private readonly email: AccountEmailService) {}

  @Public()
  @Post('auth/verify-email')
  @HttpCode(204)
  @ApiOperation({ summary: "Confirm the account's email address with the token from the verification mail." })
  @ApiBody({ schema: openApiSchema(verifyEmailSchema, 'input') })
  @ApiNoContentResponse()
  @ApiResponse({
    status: 400,
    description: 'VALIDATION_FAILED or INVALID_TOKEN (unknown, used or expired)',
    schema: errorSchema,
  })
  verifyEmail(@Body(new ZodValidationPipe(verifyEmailSchema)) body: VerifyEmailDto): Promise<void> {
    return this.email.verifyEmail(body.token);
  }

  @Public()
  @Post('auth/verify-email/resend')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Mail a new verification link to an unverified account.',
    description: `Always 202, whether or not such an account exists; one mail per account per cooldown. ${LOCALE_NOTE}`,
  })
  @ApiBody({ schema: openApiSchema(resendVerificationSchema, 'input') })
  @ApiResponse({ status: 202, schema: openApiSchema(acceptedSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED', schema: errorSchema })
  resendVerification(
    @Body(new ZodValidationPipe(resendVerificationSchema)) body: ResendVerificationDto,
    @MailLocale() locale: string,
  ): Accepted {
    this.email.resendVerification(body.email, locale);
    return ACCEPTED;
  }

  @Public()
  @Post('auth/password-reset')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Mail a password reset link (valid 30 minutes, single use).',
    description: `Always 202, whether or not the account exists, in the same time. ${LOCALE_NOTE}`,
  })
  @ApiBody({ schema: openApiSchema(passwordResetRequestSchema, 'input') })
  @ApiResponse({ status: 202, schema: openApiSchema(acceptedSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED', schema: errorSchema })
  requestPasswordReset(
    @Body(new ZodValidationPipe(passwordResetRequestSchema)) body: PasswordResetRequestDto,
    @MailLocale() locale: string,
  ): Accepted {
    this.email.requestPasswordReset(body.email, locale);
    return ACCEPTED;
  }

  @Public()
  @Post('auth/password-reset/confirm')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Set a new password with the token from the reset mail; every session is revoked.',
  })
  @ApiBody({ schema: openApiSchema(passwordResetConfirmSchema, 'input') })
  @ApiNoContentResponse()
  @ApiResponse({
    status: 400,
    description: 'VALIDATION_FAILED, WEAK_PASSWORD or INVALID_TOKEN (unknown, used or expired)',
    schema: errorSchema,
  })
  confirmPasswordReset(
    @Body(new ZodValidationPipe(passwordResetConfirmSchema)) body: PasswordResetConfirmDto,
  ): Promise<void> {
    return this.email.confirmPasswordReset(body);
  }

  @Patch('users/@me/email')
  @HttpCode(202)
  @ApiBearerAuth('accessToken')
  @ApiOperation({
    summary: 'Change the email address: a confirmation link goes to the new one, a notice to the old one.',
    description: `The address changes only when the link is opened. ${LOCALE_NOTE}`,
  })
  @ApiBody({ schema: openApiSchema(emailChangeSchema, 'input') })
  @ApiResponse({ status: 202, schema: openApiSchema(acceptedSchema) })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED or EMAIL_UNCHANGED', schema: errorSchema })
  @ApiResponse({ status: 403, description: 'INVALID_CURRENT_PASSWORD', schema: errorSchema })
  @ApiResponse({ status: 409, description: 'EMAIL_TAKEN', schema: errorSchema })
  @ApiResponse({ status: 429, description: 'TOO_MANY_ATTEMPTS (Retry-After header)', schema: errorSchema })
  async requestEmailChange(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(emailChangeSchema)) body: EmailChangeDto,
    @ClientAddress() ip: string,
    @MailLocale() locale: string,
  ): Promise<Accepted> {
    await this.email.requestEmailChange(caller, body, { ip, locale });
    return ACCEPTED;
  }

  @Public()
  @Post('auth/email-change/confirm')
  @HttpCode(204)
  @ApiOperation({ summary: 'Switch to the new email address with the token mailed to it.' })
  @ApiBody({ schema: openApiSchema(emailChangeConfirmSchema, 'input') })
  @ApiNoContentResponse()
  @ApiResponse({
    status: 400,
    description: 'VALIDATION_FAILED or INVALID_TOKEN (unknown, used or expired)',
    schema: errorSchema,
  })
  @ApiResponse({
    status: 409,
    description: 'EMAIL_TAKEN (another account took the address meanwhile)',
    schema: errorSchema,
  })
  confirmEmailChange(
    @Body(new ZodValidationPipe(emailChangeConfirmSchema)) body: EmailChangeConfirmDto,
  ): Promise<void> {
    return this.email.confirmEmailChange(body.token);
  }
}
