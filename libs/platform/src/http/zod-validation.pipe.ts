import { type ErrorDetail, findUnsafeText } from '@bonfire/contracts';
import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { AppError } from './app-error';

/**
 * Validates a body, query or params object against a zod schema; every bad field becomes one entry in
 * `error.details` (`{ field: 'body.email', code: 'invalid_format', message }`). Before the schema, every
 * string of the input is checked to be storable text (no NUL, no lone surrogate), so no DTO can forget it.
 */
@Injectable()
export class ZodValidationPipe<TSchema extends z.ZodType> implements PipeTransform {
  constructor(private readonly schema: TSchema) {}

  transform(value: unknown, metadata: ArgumentMetadata): z.infer<TSchema> {
    const location = metadata.type === 'custom' ? 'value' : metadata.type;
    const fieldOf = (path: PropertyKey[]) => [location, ...path.map(String)].join('.');
    const textDetails: ErrorDetail[] = findUnsafeText(value).map((unsafe) => ({
      field: fieldOf(unsafe.path),
      code: 'invalid_text',
      message: unsafe.message,
    }));
    const result = this.schema.safeParse(value ?? {});
    if (result.success && textDetails.length === 0) return result.data;
    const badText = new Set(textDetails.map((detail) => detail.field));
    const schemaDetails: ErrorDetail[] = result.success
      ? []
      : result.error.issues
          .map((issue) => ({ field: fieldOf(issue.path), code: issue.code, message: issue.message }))
          .filter((detail) => !badText.has(detail.field));
    throw AppError.validation([...textDetails, ...schemaDetails]);
  }
}
