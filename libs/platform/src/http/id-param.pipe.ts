import { type ErrorCodeOfStatus, isSnowflake } from '@bonfire/contracts';
import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { AppError } from './app-error';

/**
 * A snowflake id in the path. Anything else (`1e100`, `-1`, 20 digits, words) names nothing, so it answers
 * 404 with the route's own code, like a well-formed id that does not exist, with the path field named in
 * `details` so the client sees why.
 */
@Injectable()
export class IdParamPipe implements PipeTransform<string, string> {
  constructor(
    private readonly code: ErrorCodeOfStatus<404>,
    private readonly message: string,
  ) {}

  transform(value: string, metadata: ArgumentMetadata): string {
    if (isSnowflake(value)) return value;
    throw new AppError(this.code, this.message, {
      details: [
        { field: `param.${metadata.data ?? 'id'}`, code: 'invalid_id', message: 'must be a snowflake id' },
      ],
    });
  }
}

/** `@Param('guildId', idParam(ERROR.UNKNOWN_GUILD, 'Unknown guild.'))`: a 404 code of the catalogue. */
export const idParam = (code: ErrorCodeOfStatus<404>, message: string) => new IdParamPipe(code, message);
