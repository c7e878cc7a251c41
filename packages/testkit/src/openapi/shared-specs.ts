import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir, sharedDirEnvVar } from '../fixtures/shared-dir';

/**
 * An OpenAPI 3 document, loosely typed: tests only walk its paths, request bodies, responses and
 * components.
 */
export type OpenApiDocument = {
  readonly paths: Record<string, Record<string, OpenApiOperation>>;
  readonly components: { readonly schemas: Record<string, unknown> };
};

/** One operation of an {@link OpenApiDocument} (`paths[path][method]`). */
export type OpenApiOperation = {
  readonly requestBody?: { readonly content: Record<string, { readonly schema: unknown }> };
  readonly responses: Record<string, { readonly content?: Record<string, OpenApiMediaObject> }>;
};

/** A media type of a response, with its documented examples. */
export type OpenApiMediaObject = {
  readonly schema?: unknown;
  readonly examples?: Record<string, { readonly value: unknown }>;
};

/**
 * The path of a provider's API description in the shared materials' `specs/` folder (e.g.
 * `discord/openapi.json` → `<shared>/specs/discord/openapi.json`), or `null` when the shared folder
 * or the file is absent. The shared folder is found as {@link sharedDir} finds it.
 */
export function sharedSpecPath(relativePath: string): string | null {
  const dir = sharedDir();
  if (!dir) return null;
  const file = join(dir, 'specs', relativePath);
  return existsSync(file) ? file : null;
}

/**
 * Loads an OpenAPI document from the shared `specs/` folder, or returns `null` (and says why on the
 * console) when it is absent, so spec-checked tests can `describe.skipIf(spec === null)` with a
 * clear message instead of failing on a fresh clone.
 *
 * @example
 * const spec = loadSharedSpec('twilio/twilio_api_v2010.json');
 * describe.skipIf(spec === null)('against the CreateMessage spec', () => {
 *   const validator = spec ? createOpenApiRequestValidator(spec) : null;
 * });
 */
export function loadSharedSpec(relativePath: string): OpenApiDocument | null {
  const file = sharedSpecPath(relativePath);
  if (!file) {
    console.warn(
      `[deal-scout testkit] skipping spec checks: specs/${relativePath} is absent (../shared/specs beside the repository, or set ${sharedDirEnvVar})`,
    );
    return null;
  }
  return JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
}

/**
 * A deep copy of the first documented `application/json` example of a response, e.g. the 201 of
 * Twilio's `CreateMessage`, to answer a simulated request with the provider's own shape. Throws
 * when the operation documents no such example.
 */
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
