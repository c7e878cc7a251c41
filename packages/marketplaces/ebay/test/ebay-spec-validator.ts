import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

/**
 * Validates requests and responses against eBay's own OpenAPI files in `../shared/specs/ebay`
 * (loaded at test time, never copied). Ajv is used directly rather than an OpenAPI request
 * validator library because eBay's files need two things those libraries do not offer: closing
 * every object schema (`additionalProperties: false`, so a misspelt or undocumented field fails,
 * where eBay's schemas would accept anything) and a documented correction of a known spec defect
 * (below). Routing by method + path template and parameter checks are a few lines on top.
 */

const here = dirname(fileURLToPath(import.meta.url));
/** `../shared` relative to the repository root, or `DEAL_SCOUT_SHARED_DIR`. */
export const sharedDir = process.env.DEAL_SCOUT_SHARED_DIR ?? resolve(here, '../../../../../shared');
export const ebaySpecDir = resolve(sharedDir, 'specs/ebay');
/** Whether the eBay OpenAPI files are present; spec-driven suites skip with a message when not. */
export const hasEbaySpecs = existsSync(resolve(ebaySpecDir, 'buy_browse_v1_oas3.json'));
export const missingSpecsMessage = `eBay OpenAPI files not found in ${ebaySpecDir}: set DEAL_SCOUT_SHARED_DIR or check out ../shared; spec-validated eBay tests are skipped`;

const specFiles = [
  'buy_browse_v1_oas3.json',
  'sell_inventory_v1_oas3.json',
  'commerce_taxonomy_v1_oas3.json',
  'commerce_notification_v1_oas3.json',
  'sell_account_v1_oas3.json',
  'sell_metadata_v1_oas3.json',
];

type Schema = Record<string, unknown>;
type Parameter = { name: string; in: 'query' | 'path' | 'header'; required?: boolean; schema?: Schema };
type Operation = {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
};
type Spec = {
  servers: { variables: { basePath: { default: string } } }[];
  paths: Record<string, Record<string, Operation>>;
  components: Schema;
};
type Route = {
  file: string;
  basePath: string;
  method: string;
  template: string;
  pattern: RegExp;
  names: string[];
  operation: Operation;
  components: Schema;
};

/**
 * Known defects of eBay's files, corrected so valid requests are not rejected:
 * `Product.aspects` is declared `type: string`, but eBay's documentation and every example send an
 * object of aspect name → array of values.
 */
function correctKnownDefects(file: string, spec: Spec): void {
  if (file === 'sell_inventory_v1_oas3.json') {
    const product = (spec.components.schemas as Record<string, Schema>).Product as { properties: Schema };
    product.properties.aspects = {
      type: 'object',
      additionalProperties: { type: 'array', items: { type: 'string' } },
    };
  }
}

/** Closes object schemas: an object with declared properties accepts no others. */
function close(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(close);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) out[key] = key === 'example' ? value : close(value);
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map(
    (error) => `${error.instancePath || '(root)'} ${error.message ?? ''} ${JSON.stringify(error.params)}`,
  );
}

const errorBodySchema: Schema = {
  type: 'object',
  required: ['errors'],
  properties: {
    errors: { type: 'array', minItems: 1, items: { $ref: '#/components/schemas/Error' } },
    warnings: { type: 'array', items: { $ref: '#/components/schemas/Error' } },
  },
};

/** Problems found in one exchange; empty means it matches the spec. */
export type SpecProblems = string[];

export function createEbaySpecValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, logger: false });
  const routes: Route[] = [];
  for (const file of specFiles) {
    const spec = JSON.parse(readFileSync(resolve(ebaySpecDir, file), 'utf8')) as Spec;
    correctKnownDefects(file, spec);
    const basePath = spec.servers[0]?.variables.basePath.default ?? '';
    const components = close(spec.components) as Schema;
    for (const [template, operations] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (!['get', 'post', 'put', 'delete'].includes(method)) continue;
        const names: string[] = [];
        const source = template
          .replace(/\/$/, '')
          .replace(/[.]/g, '\\.')
          .replace(/\{([^}]+)\}/g, (_, name: string) => {
            names.push(name);
            return '([^/]+)';
          });
        routes.push({
          file,
          basePath,
          method,
          template,
          pattern: new RegExp(`^${basePath}${source}/?$`),
          names,
          operation,
          components,
        });
      }
    }
  }
  // Literal paths win over templates (`/item/get_item_by_legacy_id` before `/item/{item_id}`).
  routes.sort((a, b) => a.names.length - b.names.length);
  const compiled = new Map<Schema, ValidateFunction>();
  const validatorFor = (schema: Schema, components: Schema): ValidateFunction => {
    let validate = compiled.get(schema);
    if (!validate) {
      validate = ajv.compile({ ...(close(schema) as Schema), components });
      compiled.set(schema, validate);
    }
    return validate;
  };

  const find = (method: string, url: URL): { route: Route; params: Record<string, string> } | null => {
    for (const route of routes) {
      if (route.method !== method.toLowerCase()) continue;
      const match = route.pattern.exec(url.pathname);
      if (!match) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, index) => {
        params[name] = decodeURIComponent(match[index + 1] ?? '');
      });
      return { route, params };
    }
    return null;
  };

  return {
    /** The operationId serving a request, or `null` when no eBay spec describes it. */
    operationOf(method: string, url: string): string | null {
      return find(method, new URL(url))?.route.operation.operationId ?? null;
    },

    /** Checks path, query, headers and JSON body of a request against its operation. */
    validateRequest(request: { method: string; url: string; headers: Headers; body: string }): SpecProblems {
      const url = new URL(request.url);
      const found = find(request.method, url);
      if (!found) return [`no eBay operation for ${request.method} ${url.pathname}`];
      const { route, params } = found;
      const problems: string[] = [];
      const declared = route.operation.parameters ?? [];
      const check = (parameter: Parameter, value: string) => {
        if (!parameter.schema) return;
        const validate = validatorFor(parameter.schema, route.components);
        if (!validate(value))
          problems.push(`${parameter.in} ${parameter.name}: ${describe(validate.errors).join('; ')}`);
      };
      for (const parameter of declared) {
        const value =
          parameter.in === 'path'
            ? params[parameter.name]
            : parameter.in === 'query'
              ? (url.searchParams.get(parameter.name) ?? undefined)
              : (request.headers.get(parameter.name) ?? undefined);
        if (value === undefined || value === '') {
          if (parameter.required)
            problems.push(`missing required ${parameter.in} parameter ${parameter.name}`);
          continue;
        }
        check(parameter, value);
      }
      const known = new Set(declared.filter((p) => p.in === 'query').map((p) => p.name));
      for (const name of url.searchParams.keys()) {
        if (!known.has(name)) problems.push(`undocumented query parameter ${name}`);
      }
      if (!/^Bearer \S+$/.test(request.headers.get('authorization') ?? ''))
        problems.push('missing Bearer token');
      const body = route.operation.requestBody;
      if (!body) {
        if (request.body) problems.push('a body was sent to an operation that takes none');
      } else if (!request.body) {
        if (body.required) problems.push('missing required request body');
      } else {
        const schema = body.content['application/json']?.schema;
        if (!schema) problems.push('operation takes no JSON body');
        else if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) {
          problems.push(`JSON body sent as ${request.headers.get('content-type')}`);
        } else {
          const validate = validatorFor(schema, route.components);
          if (!validate(JSON.parse(request.body)))
            problems.push(...describe(validate.errors).map((p) => `body ${p}`));
        }
      }
      return problems.map((problem) => `${route.operation.operationId}: ${problem}`);
    },

    /** Checks a response body against the operation's schema for that status. */
    validateResponse(method: string, url: string, status: number, body: unknown): SpecProblems {
      const found = find(method, new URL(url));
      if (!found) return [`no eBay operation for ${method} ${url}`];
      if (status >= 400) {
        // eBay answers every failure with its `errors[]` body (the `Error` schema of each file),
        // including statuses an operation does not list (401, 429).
        const validate = validatorFor(errorBodySchema, found.route.components);
        return validate(body) ? [] : describe(validate.errors).map((p) => `error body: ${p}`);
      }
      const response = found.route.operation.responses[String(status)];
      if (!response) return [`${found.route.operation.operationId}: status ${status} is not documented`];
      const schema = response.content?.['application/json']?.schema;
      if (!schema)
        return body === null || body === undefined
          ? []
          : [`${found.route.operation.operationId}: ${status} has no body`];
      const validate = validatorFor(schema, found.route.components);
      return validate(body)
        ? []
        : describe(validate.errors).map((p) => `${found.route.operation.operationId} response: ${p}`);
    },
  };
}

export type EbaySpecValidator = ReturnType<typeof createEbaySpecValidator>;
