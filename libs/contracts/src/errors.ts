import { z } from 'zod';

/**
 * The one error body every Bonfire HTTP API answers with:
 * `{ "error": { "code": "STABLE_CODE", "message": "...", "details": [...] } }`.
 * `code` is stable and machine-readable (one of ERROR_CATALOGUE, errors/catalogue.ts); `message` is for people; `details` lists, e.g., each bad field.
 */
export interface ErrorDetail {
  /** Dotted path of the offending field, e.g. `body.email`, when the error concerns a field. */
  field?: string;
  code: string;
  message: string;
}

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    details?: ErrorDetail[];
  };
}

/** The error body as a schema, for API documents and client-side parsing. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z
      .array(z.object({ field: z.string().optional(), code: z.string(), message: z.string() }))
      .optional(),
  }),
});
