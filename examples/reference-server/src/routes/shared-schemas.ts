import { z } from '@hono/zod-openapi';

/** RFC 9457 problem details as this server sends them. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().describe('The SDK error code (VALIDATION_FAILED, NOT_FOUND, …)'),
    instance: z.string().optional(),
    field: z.string().optional(),
    issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    retryAfterSeconds: z.number().optional(),
  })
  .openapi('Problem');

/** Standard error responses of an authenticated route. */
export const problemResponses = {
  400: { description: 'Invalid input', content: { 'application/problem+json': { schema: ProblemSchema } } },
  401: {
    description: 'Missing, forged or expired token',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  },
  404: {
    description: 'Not found (or not yours)',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  },
} as const;

/** Cursor paging query parameters. */
export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(2000).optional(),
});
