import { DealScoutError, type ErrorCode, ValidationError } from '@deal-scout/core';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';

const statusByCode: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LIMIT_EXCEEDED: 422,
  RATE_LIMITED: 429,
  AUTHENTICATION_FAILED: 401,
  SIGNATURE_INVALID: 401,
  MARKETPLACE_REQUEST_FAILED: 502,
  LISTING_PARSE_FAILED: 502,
  UNSUPPORTED_CAPABILITY: 501,
  NOTIFICATION_DELIVERY_FAILED: 502,
  STORAGE_FAILED: 503,
  ADAPTER_FAILED: 502,
  CONFIGURATION_INVALID: 500,
};

/** An RFC 9457 problem details object, carrying the SDK's error code. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  field?: string;
  issues?: readonly { field: string; message: string }[];
  retryAfterSeconds?: number;
};

/** Answers with `application/problem+json`. */
export function problemResponse(c: Context, problem: Problem): Response {
  return problemResponseFor(c.req.path, problem);
}

/** {@link problemResponse} for a request path, where there is no Hono context (before the app exists). */
export function problemResponseFor(path: string, problem: Problem): Response {
  const headers: Record<string, string> = { 'content-type': 'application/problem+json' };
  if (problem.retryAfterSeconds !== undefined) headers['retry-after'] = String(problem.retryAfterSeconds);
  return new Response(JSON.stringify({ ...problem, instance: path }), {
    status: problem.status,
    headers,
  });
}

/** Builds a problem for a status the server decides itself (401, 413, 429 from middleware). */
export function httpProblem(status: number, code: string, detail: string): Problem {
  const titles: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    413: 'Content Too Large',
    415: 'Unsupported Media Type',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    503: 'Service Unavailable',
  };
  return {
    type: `https://deal-scout.dev/problems/${code.toLowerCase()}`,
    title: titles[status] ?? 'Error',
    status,
    detail,
    code,
  };
}

/** Maps anything thrown in a route onto a problem; unknown errors become a 500 without details. */
export function toProblem(error: unknown): Problem {
  if (DealScoutError.isInstance(error)) {
    const status = statusByCode[error.code] ?? 500;
    const problem: Problem = {
      ...httpProblem(status, error.code, error.message.replace(/ \(\w+; see .*\)$/, '')),
      type: `https://github.com/deal-scout/deal-scout/blob/main/docs/errors.md#${error.code.toLowerCase()}`,
    };
    if (error instanceof ValidationError || error.code === 'VALIDATION_FAILED') {
      const validation = error as ValidationError;
      problem.field = validation.field;
      problem.issues = validation.issues;
    }
    const retryAfterMs = (error as { retryAfterMs?: number | null }).retryAfterMs;
    if (typeof retryAfterMs === 'number') problem.retryAfterSeconds = Math.ceil(retryAfterMs / 1000);
    return problem;
  }
  if (error instanceof HTTPException) {
    return httpProblem(
      error.status,
      error.status === 413 ? 'BODY_TOO_LARGE' : 'HTTP_ERROR',
      error.message || 'request refused',
    );
  }
  return httpProblem(500, 'INTERNAL_ERROR', 'an unexpected error occurred');
}
