import type { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../errors/validation-error';

/** Formats a zod issue path as `price.amount` or `keywords[0]`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(input)';
}

/** Converts zod issues into SDK validation issues. */
export function toValidationIssues(error: z.ZodError, prefix?: string): ValidationIssue[] {
  return error.issues.map((issue) => {
    const field = formatIssuePath(issue.path);
    return {
      field: !prefix
        ? field
        : field === '(input)'
          ? prefix
          : field.startsWith('[')
            ? `${prefix}${field}`
            : `${prefix}.${field}`,
      message: issue.message,
    };
  });
}

/**
 * Validates `value` against `schema` and returns the parsed output, or throws a `ValidationError`
 * naming the offending field. Every public entry point goes through this, so callers never see a
 * raw zod error.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  options: { subject?: string; source?: string; field?: string } = {},
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationError({
    issues: toValidationIssues(result.error, options.field),
    subject: options.subject,
    source: options.source,
    cause: result.error,
  });
}
