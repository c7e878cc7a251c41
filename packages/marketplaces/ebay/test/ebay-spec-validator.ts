import {
  createOpenApiRequestValidator,
  loadSharedSpec,
  type OpenApiDocument,
  type OpenApiOperation,
  type OpenApiRequestValidator,
  sharedSpecPath,
} from '@deal-scout/testkit';

/**
 * Checks requests and responses against eBay's own OpenAPI files in the shared `specs/ebay` folder
 * (loaded at test time, never copied). Schemas are checked by testkit's
 * `createOpenApiRequestValidator`, which closes every object schema, so a misspelt or undocumented
 * field fails where eBay's schemas would accept anything. What is eBay's own stays here: which
 * files, routing by method + path template under each file's base path, parameter presence, the
 * Bearer token, a documented correction of a known spec defect (below), and responses, which the
 * testkit validator reaches through {@link withResponsesAsBodies}.
 */

const specFiles = [
  'buy_browse_v1_oas3.json',
  'sell_inventory_v1_oas3.json',
  'commerce_taxonomy_v1_oas3.json',
  'commerce_notification_v1_oas3.json',
  'sell_account_v1_oas3.json',
  'sell_metadata_v1_oas3.json',
];

/** Whether the eBay OpenAPI files are present; spec-driven suites skip with a message when not. */
export const hasEbaySpecs = sharedSpecPath('ebay/buy_browse_v1_oas3.json') !== null;
export const missingSpecsMessage =
  'eBay OpenAPI files not found in specs/ebay of the shared folder (../shared beside the repository, or set DEAL_SCOUT_SHARED_DIR); spec-validated eBay tests are skipped';

type Parameter = { name: string; in: 'query' | 'path' | 'header'; required?: boolean; schema?: unknown };
type Operation = OpenApiOperation & {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: unknown }> };
};
type EbaySpec = OpenApiDocument & {
  servers: { variables: { basePath: { default: string } } }[];
  paths: Record<string, Record<string, Operation>>;
};
type Route = {
  method: string;
  template: string;
  pattern: RegExp;
  names: string[];
  operation: Operation;
  validator: OpenApiRequestValidator;
};

/**
 * Known defects of eBay's files, corrected so valid requests are not rejected:
 * `Product.aspects` is declared `type: string`, but eBay's documentation and every example send an
 * object of aspect name → array of values.
 */
function correctKnownDefects(file: string, spec: EbaySpec): void {
  if (file === 'sell_inventory_v1_oas3.json') {
    const product = spec.components.schemas.Product as { properties: Record<string, unknown> };
    product.properties.aspects = {
      type: 'object',
      additionalProperties: { type: 'array', items: { type: 'string' } },
    };
  }
}

/**
 * Every eBay parameter is declared `type: string`, which any path, query or header value meets, so
 * only presence is checked; a file that ever constrains one more is refused rather than half-checked.
 */
function assertStringParameters(file: string, operation: Operation): void {
  for (const parameter of operation.parameters ?? []) {
    if (JSON.stringify(parameter.schema ?? { type: 'string' }) !== '{"type":"string"}')
      throw new Error(`${file}: ${operation.operationId} parameter ${parameter.name} needs a value check`);
  }
}

/** eBay answers every failure with its `errors[]` body (the `Error` schema of each file). */
const errorBodySchema = {
  type: 'object',
  required: ['errors'],
  properties: {
    errors: { type: 'array', minItems: 1, items: { $ref: '#/components/schemas/Error' } },
    warnings: { type: 'array', items: { $ref: '#/components/schemas/Error' } },
  },
};
const errorBodyPath = 'error response';
const responsePath = (method: string, template: string, status: string) =>
  `${method} ${template} response ${status}`;
const asBody = (schema: unknown): OpenApiOperation => ({
  requestBody: { content: { 'application/json': { schema } } },
  responses: {},
});

/**
 * The spec with each documented JSON response (and eBay's error body) offered again as the JSON
 * body of a pseudo-path (`get /item/{item_id} response 200`, method `post`), so testkit's body
 * validator checks responses with the same closed schemas and components as requests.
 */
function withResponsesAsBodies(spec: EbaySpec): OpenApiDocument {
  const paths: Record<string, Record<string, OpenApiOperation>> = {
    ...spec.paths,
    [errorBodyPath]: { post: asBody(errorBodySchema) },
  };
  for (const [template, operations] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      for (const [status, response] of Object.entries(operation.responses)) {
        const schema = response.content?.['application/json']?.schema;
        if (schema) paths[responsePath(method, template, status)] = { post: asBody(schema) };
      }
    }
  }
  return { ...spec, paths };
}

/** Problems found in one exchange; empty means it matches the spec. */
export type SpecProblems = string[];

export function createEbaySpecValidator() {
  const routes: Route[] = [];
  for (const file of specFiles) {
    const spec = loadSharedSpec(`ebay/${file}`) as EbaySpec | null;
    if (!spec) throw new Error(missingSpecsMessage);
    correctKnownDefects(file, spec);
    const validator = createOpenApiRequestValidator(withResponsesAsBodies(spec));
    const basePath = spec.servers[0]?.variables.basePath.default ?? '';
    for (const [template, operations] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        assertStringParameters(file, operation);
        const names: string[] = [];
        const source = template
          .replace(/\/$/, '')
          .replace(/[.]/g, '\\.')
          .replace(/\{([^}]+)\}/g, (_, name: string) => {
            names.push(name);
            return '([^/]+)';
          });
        const pattern = new RegExp(`^${basePath}${source}/?$`);
        routes.push({ method, template, pattern, names, operation, validator });
      }
    }
  }
  // Literal paths win over templates (`/item/get_item_by_legacy_id` before `/item/{item_id}`).
  routes.sort((a, b) => a.names.length - b.names.length);

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
      for (const parameter of declared) {
        const value =
          parameter.in === 'path'
            ? params[parameter.name]
            : parameter.in === 'query'
              ? url.searchParams.get(parameter.name)
              : request.headers.get(parameter.name);
        if (!value && parameter.required)
          problems.push(`missing required ${parameter.in} parameter ${parameter.name}`);
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
      } else if (!body.content['application/json']) {
        problems.push('operation takes no JSON body');
      } else if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) {
        problems.push(`JSON body sent as ${request.headers.get('content-type')}`);
      } else {
        const bodyProblems = route.validator.json(route.template, route.method, JSON.parse(request.body));
        problems.push(...bodyProblems.map((problem) => `body ${problem}`));
      }
      return problems.map((problem) => `${route.operation.operationId}: ${problem}`);
    },

    /**
     * Checks a response body against the operation's schema for that status; any failure status
     * (including 401 and 429, which operations do not list) against eBay's `errors[]` body.
     */
    validateResponse(method: string, url: string, status: number, body: unknown): SpecProblems {
      const found = find(method, new URL(url));
      if (!found) return [`no eBay operation for ${method} ${url}`];
      const { route } = found;
      if (status >= 400) {
        return route.validator.json(errorBodyPath, 'post', body).map((problem) => `error body: ${problem}`);
      }
      const { operationId } = route.operation;
      const response = route.operation.responses[String(status)];
      if (!response) return [`${operationId}: status ${status} is not documented`];
      if (!response.content?.['application/json']?.schema)
        return body === null || body === undefined ? [] : [`${operationId}: ${status} has no body`];
      return route.validator
        .json(responsePath(route.method, route.template, String(status)), 'post', body)
        .map((problem) => `${operationId} response: ${problem}`);
    },
  };
}

export type EbaySpecValidator = ReturnType<typeof createEbaySpecValidator>;
