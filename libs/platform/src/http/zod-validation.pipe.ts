import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { AppError } from './app-error';

/**
 * Validates a body, query or params object against a zod schema; every bad field becomes one entry in
 * `error.details` (`{ field: 'body.email', code: 'invalid_format', message }`).
 */
@Injectable()
export class ZodValidationPipe<TSchema extends z.ZodType> implements PipeTransform {
  constructor(private readonly schema: TSchema) {}

  transform(value: unknown, metadata: ArgumentMetadata): z.infer<TSchema> {
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    const location = metadata.type === 'custom' ? 'value' : metadata.type;
    throw AppError.validation(
      result.error.issues.map((issue) => ({
        field: [location, ...issue.path.map(String)].join('.'),
        code: issue.code,
        message: issue.message,
      })),
    );
  }
}
