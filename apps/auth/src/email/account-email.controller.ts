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

const ACCEPTED: Accepted = { accepted: true };
const LOCALE_NOTE = "The mail is written in the request's Accept-Language when auth has it, else English.";

/** The flows that go through a mailed link (verification, password reset, email change). */
@ApiTags('auth')
@Controller('api/v1')
export class AccountEmailController {
  constructor(private readonly email: AccountEmailService) {}

  @Endpoint({
    method: 'POST',
    path: 'auth/verify-email',
    summary: "Confirm the account's email address with the token from the verification mail.",
    body: verifyEmailSchema,
    errors: { 400: 'VALIDATION_FAILED or INVALID_TOKEN (unknown, used or expired)' },
  })
  @Public()
  verifyEmail(@Body(new ZodValidationPipe(verifyEmailSchema)) body: VerifyEmailDto): Promise<void> {
    return this.email.verifyEmail(body.token);
  }

  @Endpoint({
    method: 'POST',
    path: 'auth/verify-email/resend',
    summary: 'Mail a new verification link to an unverified account.',
    description: `Always 202, whether or not such an account exists; one mail per account per cooldown. ${LOCALE_NOTE}`,
    body: resendVerificationSchema,
    response: acceptedSchema,
    status: 202,
    errors: { 400: 'VALIDATION_FAILED' },
  })
  @Public()
  resendVerification(
    @Body(new ZodValidationPipe(resendVerificationSchema)) body: ResendVerificationDto,
    @MailLocale() locale: string,
  ): Accepted {
    this.email.resendVerification(body.email, locale);
    return ACCEPTED;
  }

  @Endpoint({
    method: 'POST',
    path: 'auth/password-reset',
    summary: 'Mail a password reset link (valid 30 minutes, single use).',
    description: `Always 202, whether or not the account exists, in the same time. ${LOCALE_NOTE}`,
    body: passwordResetRequestSchema,
    response: acceptedSchema,
    status: 202,
    errors: { 400: 'VALIDATION_FAILED' },
  })
  @Public()
  requestPasswordReset(
    @Body(new ZodValidationPipe(passwordResetRequestSchema)) body: PasswordResetRequestDto,
    @MailLocale() locale: string,
  ): Accepted {
    this.email.requestPasswordReset(body.email, locale);
    return ACCEPTED;
  }

  @Endpoint({
    method: 'POST',
    path: 'auth/password-reset/confirm',
    summary: 'Set a new password with the token from the reset mail; every session is revoked.',
    body: passwordResetConfirmSchema,
    errors: { 400: 'VALIDATION_FAILED, WEAK_PASSWORD or INVALID_TOKEN (unknown, used or expired)' },
  })
  @Public()
  confirmPasswordReset(
    @Body(new ZodValidationPipe(passwordResetConfirmSchema)) body: PasswordResetConfirmDto,
  ): Promise<void> {
    return this.email.confirmPasswordReset(body);
  }

  @Endpoint({
    method: 'PATCH',
    path: 'users/@me/email',
    summary: 'Change the email address: a confirmation link goes to the new one, a notice to the old one.',
    description: `The address changes only when the link is opened. ${LOCALE_NOTE}`,
    body: emailChangeSchema,
    response: acceptedSchema,
    status: 202,
    errors: {
      400: 'VALIDATION_FAILED or EMAIL_UNCHANGED',
      403: 'INVALID_CURRENT_PASSWORD',
      409: 'EMAIL_TAKEN',
      429: 'TOO_MANY_ATTEMPTS (Retry-After header)',
    },
  })
  @ApiBearerAuth('accessToken')
  async requestEmailChange(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(emailChangeSchema)) body: EmailChangeDto,
    @ClientAddress() ip: string,
    @MailLocale() locale: string,
  ): Promise<Accepted> {
    await this.email.requestEmailChange(caller, body, { ip, locale });
    return ACCEPTED;
  }

  @Endpoint({
    method: 'POST',
    path: 'auth/email-change/confirm',
    summary: 'Switch to the new email address with the token mailed to it.',
    body: emailChangeConfirmSchema,
    errors: {
      400: 'VALIDATION_FAILED or INVALID_TOKEN (unknown, used or expired)',
      409: 'EMAIL_TAKEN (another account took the address meanwhile)',
    },
  })
  @Public()
  confirmEmailChange(
    @Body(new ZodValidationPipe(emailChangeConfirmSchema)) body: EmailChangeConfirmDto,
  ): Promise<void> {
    return this.email.confirmEmailChange(body.token);
  }
}
