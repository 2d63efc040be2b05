import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { pickLocale } from '../mail/templates';

/** The mail locale the request asks for (Accept-Language), among those auth has messages for. */
export const MailLocale = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const header = context.switchToHttp().getRequest<Request>().headers['accept-language'];
  return pickLocale(typeof header === 'string' ? header.slice(0, 256) : undefined);
});
