import { ConfigurationError, toValidationIssues } from '@deal-scout/core';
import type { z } from 'zod';

/** Environment variables a setting may fall back to (defaults to `process.env`). */
export type SettingsEnvironment = Readonly<Record<string, string | undefined>>;

/**
 * Validates factory settings and throws a `ConfigurationError` naming the first bad field. Values
 * are never echoed, because several settings are secrets.
 */
export function parseSettings<S extends z.ZodType>(schema: S, value: unknown, source: string): z.output<S> {
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
