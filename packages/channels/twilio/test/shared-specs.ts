import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** The read-only shared materials: env `DEAL_SCOUT_SHARED_DIR`, else `../shared` beside the repo. */
export const sharedDir = process.env.DEAL_SCOUT_SHARED_DIR ?? resolve(repoRoot, '../shared');

/** An OpenAPI document, loosely typed: tests only walk it. */
export type OpenApiDocument = {
  readonly paths: Record<string, Record<string, OperationObject>>;
  readonly components: { readonly schemas: Record<string, unknown> };
};

export type OperationObject = {
  readonly requestBody?: { readonly content: Record<string, { readonly schema: unknown }> };
  readonly responses: Record<string, { readonly content?: Record<string, MediaObject> }>;
};

type MediaObject = {
  readonly schema?: unknown;
  readonly examples?: Record<string, { readonly value: unknown }>;
};

/**
 * Loads a spec from `shared/specs`, or returns `null` (and says why once) when the shared folder is
 * absent, so the spec-checked tests skip with a clear message instead of failing.
 */
export function loadSharedSpec(relativePath: string): OpenApiDocument | null {
  const file = resolve(sharedDir, 'specs', relativePath);
  if (!existsSync(file)) {
    console.warn(`[skip] ${file} is absent: set DEAL_SCOUT_SHARED_DIR to run the spec-checked tests`);
    return null;
  }
  return JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
}

/** The first documented example of a response, e.g. the 201 of `CreateMessage`. */
export function responseExample(
  spec: OpenApiDocument,
  path: string,
  method: string,
  status: string,
): unknown {
  const content = spec.paths[path]?.[method]?.responses[status]?.content?.['application/json'];
  const first = Object.values(content?.examples ?? {})[0];
  if (!first) throw new Error(`no ${status} example for ${method.toUpperCase()} ${path}`);
  return structuredClone(first.value);
}
