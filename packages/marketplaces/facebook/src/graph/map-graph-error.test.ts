import { AuthenticationError, MarketplaceRequestError, RateLimitedError } from '@deal-scout/core';
import { describe, expect, it } from 'vitest';
import { mapGraphError } from './map-graph-error';

describe('mapGraphError', () => {
  it('maps 190 to an AuthenticationError that asks for re-authentication', () => {
    const error = mapGraphError(
      { code: 190, message: 'Error validating access token', error_subcode: 463 },
      400,
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).reauthenticate).toBe(true);
    expect(error.code).toBe('AUTHENTICATION_FAILED');
  });

  it.each([4, 17, 32, 341, 613])('maps throttling code %i to RateLimitedError with Retry-After', (code) => {
    const error = mapGraphError({ code, message: 'Application request limit reached' }, 400, 30_000);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBe(30_000);
    expect(error.isRetryable).toBe(true);
  });

  it('maps 368 (policy block) to a request error that is not retryable', () => {
    const error = mapGraphError({ code: 368, message: 'Temporarily blocked for policies violations' }, 400);
    expect(error).toBeInstanceOf(MarketplaceRequestError);
    expect(error.isRetryable).toBe(false);
    expect((error as MarketplaceRequestError).providerCode).toBe('368');
    expect(error.message).toContain('policy');
  });

  it.each([1, 2])('maps temporary code %i to a retryable request error', (code) => {
    const error = mapGraphError({ code, message: 'An unknown error occurred' }, 500);
    expect(error).toBeInstanceOf(MarketplaceRequestError);
    expect(error.isRetryable).toBe(true);
  });

  it('keeps other 4xx errors non-retryable and names the code and trace id', () => {
    const error = mapGraphError({ code: 100, message: 'Invalid parameter', fbtrace_id: 'Trace42' }, 400);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('100');
    expect(error.message).toContain('Trace42');
  });

  it('treats a bare 401 as expired credentials and a bare 503 as retryable', () => {
    expect(mapGraphError(undefined, 401)).toBeInstanceOf(AuthenticationError);
    const unavailable = mapGraphError(undefined, 503);
    expect(unavailable).toBeInstanceOf(MarketplaceRequestError);
    expect(unavailable.isRetryable).toBe(true);
  });
});
