import { Caller, type CallerIdentity, ClientAddress, Endpoint, ZodValidationPipe } from '@bonfire/platform';
import { Body, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type DeleteAccountDto, deleteAccountSchema } from './account-deletion.dto';
import { AccountDeletionService } from './account-deletion.service';

/** Deleting the signed-in user's own account. */
@ApiTags('users')
@ApiBearerAuth('accessToken')
@Controller('api/v1/users/@me')
export class AccountDeletionController {
  constructor(private readonly deletion: AccountDeletionService) {}

  @Endpoint({
    method: 'POST',
    path: 'delete',
    summary: 'Delete your account (password, and a TOTP or recovery code when two-factor is on).',
    description:
      'The account is disabled at once and every session ends; the other services then remove or ' +
      'anonymise what they hold (messages stay as "Deleted user" or are removed, per the instance).',
    body: deleteAccountSchema,
    errors: {
      400: 'VALIDATION_FAILED',
      403: 'INVALID_CURRENT_PASSWORD, MFA_CODE_REQUIRED, INVALID_MFA_CODE or ACCOUNT_NOT_DELETABLE (a bot)',
      429: 'TOO_MANY_ATTEMPTS (Retry-After header)',
    },
  })
  delete(
    @Caller() caller: CallerIdentity,
    @Body(new ZodValidationPipe(deleteAccountSchema)) body: DeleteAccountDto,
    @ClientAddress() ip: string,
  ): Promise<void> {
    return this.deletion.deleteAccount(caller, body, { ip });
  }
}
