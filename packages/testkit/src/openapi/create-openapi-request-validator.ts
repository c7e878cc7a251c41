import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { OpenApiDocument } from './shared-specs';

/**
 * Vendor formats whose values the schema's own patterns and lengths already constrain; they are
 * accepted as they are instead of being checked by `ajv-formats` (or ignored as unknown).
 */
const jsonOpaqueFormats = ['phone-number', 'snowflake', 'int64', 'int32', 'nonce', 'double', 'float'];
const formOpaqueFormats = ['phone-number', 'date-time-rfc-2822'];

/** Options of {@link createOpenApiRequestValidator}. */
export type OpenApiRequestValidatorOptions = {
  /**
   * More vendor formats to accept as they are (JSON and form bodies), for a spec whose formats
   * `ajv-formats` would otherwise check differently from the provider.
   */
  readonly opaqueFormats?: readonly string[];
};

/** Checks request bodies against the operations of one OpenAPI document. */
export type OpenApiRequestValidator = {
  /** Problems with a JSON body, or `[]` when it matches the operation's `application/json` schema. */
  json(path: string, method: string, body: unknown): string[];
  /**
   * Problems with a form body (`application/x-www-form-urlencoded`), or `[]`: required fields,
   * undocumented fields, repeated scalar fields and field types (strings coerced to the declared
   * integer/boolean/number, as the provider parses them).
   */
  form(path: string, method: string, form: URLSearchParams): string[];
};

/**
 * Validates request bodies against an operation's `requestBody` schema in a real OpenAPI document
 * (for instance one loaded with `loadSharedSpec`), so a simulated provider can assert that an
 * adapter sends exactly what the provider documents. Object schemas are closed
 * (`additionalProperties: false` wherever the spec leaves it open and the object is not part of an
 * `allOf`), so a field the provider does not document is a problem too. `path` and `method` name the
 * operation as the spec does (`'/2010-04-01/Accounts/{AccountSid}/Messages.json'`, `'post'`); an
 * operation without a request body of that content type throws.
 *
 * @example
 * const validator = createOpenApiRequestValidator(spec);
 * expect(validator.form(messagesPath, 'post', request.form)).toEqual([]);
 */
export function createOpenApiRequestValidator(
  spec: OpenApiDocument,
  options: OpenApiRequestValidatorOptions = {},
): OpenApiRequestValidator {
  const extra = options.opaqueFormats ?? [];
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, logger: false });
  addFormats(ajv);
  for (const format of [...jsonOpaqueFormats, ...extra]) ajv.addFormat(format, true);
  const coercing = new Ajv2020({
    strict: false,
    allErrors: true,
    validateSchema: false,
    logger: false,
    coerceTypes: 'array',
  });
  addFormats(coercing);
  for (const format of [...formOpaqueFormats, ...extra]) coercing.addFormat(format, true);
  const components = close(spec.components);
  const cache = new Map<string, { validate: ValidateFunction; schema: Record<string, unknown> }>();

  function compile(instance: Ajv2020, path: string, method: string, contentType: string) {
    const key = `${contentType} ${method} ${path} ${instance === coercing}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const operation = spec.paths[path]?.[method];
    const schema = operation?.requestBody?.content[contentType]?.schema as
      | Record<string, unknown>
      | undefined;
    if (!schema) throw new Error(`no ${contentType} request body for ${method.toUpperCase()} ${path}`);
    const closed = close(schema) as Record<string, unknown>;
    const validate = instance.compile({ ...closed, components });
    const entry = { validate, schema: closed };
    cache.set(key, entry);
    return entry;
  }

  return {
    json(path, method, body) {
      const { validate } = compile(ajv, path, method, 'application/json');
      return validate(structuredClone(body)) ? [] : describe(validate.errors);
    },
    form(path, method, form) {
      const { validate, schema } = compile(coercing, path, method, 'application/x-www-form-urlencoded');
      const properties = (schema.properties ?? {}) as Record<string, { type?: string }>;
      const problems: string[] = [];
      const data: Record<string, unknown> = {};
      for (const key of new Set(form.keys())) {
        const values = form.getAll(key);
        if (properties[key]?.type === 'array') data[key] = values;
        else if (values.length > 1) problems.push(`${key} is repeated but is not an array`);
        else data[key] = values[0];
      }
      if (!validate(data)) problems.push(...describe(validate.errors));
      return problems;
    },
  };
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) =>
    error.keyword === 'additionalProperties'
      ? `${error.instancePath || '(body)'} has undocumented field ${String(error.params.additionalProperty)}`
      : `${error.instancePath || '(body)'} ${error.message ?? 'is invalid'}`,
  );
}

/** Deep copy with open object schemas closed; members of `allOf` stay open so they can combine. */
function close(node: unknown, insideAllOf = false): unknown {
  if (Array.isArray(node)) return node.map((item) => close(item, insideAllOf));
  if (typeof node !== 'object' || node === null) return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'allOf' && Array.isArray(value)) copy[key] = value.map((item) => close(item, true));
    else if (key === 'properties' && typeof value === 'object' && value !== null) {
      copy[key] = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, close(schema)]));
    } else copy[key] = close(value);
  }
  if ('properties' in copy && !('additionalProperties' in copy) && !insideAllOf) {
    copy.additionalProperties = false;
  }
  return copy;
}
