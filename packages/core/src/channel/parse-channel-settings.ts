import type { z } from 'zod';
import { ConfigurationError } from '../errors/configuration-error';
import { toValidationIssues } from '../shared/parse-input';

/** Environment variables a setting may fall back to (defaults to `process.env`). */
export type SettingsEnvironment = Readonly<Record<string, string | undefined>>;

/**
 * Validates an adapter factory's settings and throws a `ConfigurationError` naming the first bad
 * field (`Invalid settings: authToken: …`). Values are never echoed, because several settings are
 * secrets. `source` is the adapter's id, for the error.
 */
export function parseChannelSettings<S extends z.ZodType>(
  schema: S,
  value: unknown,
  source: string,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const [first] = toValidationIssues(result.error);
  throw new ConfigurationError({
    message: `Invalid settings: ${first?.field ?? '(settings)'}: ${first?.message ?? 'is invalid'}`,
    source,
  });
}

/** The process environment when there is one (Node, Bun, Deno with permissions), else empty. */
export function defaultEnvironment(): SettingsEnvironment {
  return typeof process === 'undefined' ? {} : process.env;
}
