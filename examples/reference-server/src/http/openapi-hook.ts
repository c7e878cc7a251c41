import { toValidationIssues, ValidationError } from '@deal-scout/core';
import type { Hook } from '@hono/zod-openapi';
import type { z } from 'zod';
import type { AppEnv } from './app-types';
import { problemResponse, toProblem } from './problem';

/** Turns request validation failures into problem+json 400 with the SDK's VALIDATION_FAILED code. */
// biome-ignore lint/suspicious/noExplicitAny: Hono's hook type is generic over every route's input and output.
export const validationHook: Hook<any, AppEnv, any, any> = (result, c) => {
  if (result.success) return;
  const error = new ValidationError({
    issues: toValidationIssues(
      result.error as z.ZodError,
      result.target === 'json' ? undefined : result.target,
    ),
    subject: result.target === 'json' ? 'request body' : `request ${result.target}`,
  });
  return problemResponse(c, toProblem(error));
};
