import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

export const UserAgent = createParamDecorator((_data: unknown, context: ExecutionContext): string | null => {
  const agent = context.switchToHttp().getRequest<Request>().headers['user-agent'];
  return agent ? agent.slice(0, 128) : null;
});
