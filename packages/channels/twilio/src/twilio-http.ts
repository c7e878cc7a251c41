import ky, { isNetworkError, isTimeoutError } from 'ky';
import type { ResolvedTwilioCredentials } from './twilio-credentials';

/** What Twilio answered, whatever the status. */
export type TwilioHttpResponse = {
  readonly ok: true;
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON body, or `null` when the body was empty or not JSON. */
  readonly body: unknown;
};

/** The request never got an answer. `detail` is safe to show: no URL, no credentials. */
export type TwilioHttpFailure = {
  readonly ok: false;
  readonly reason: 'network' | 'timeout' | 'aborted';
  readonly detail: string;
};

/** Posts a form to a Twilio REST endpoint. */
export type TwilioHttp = {
  postForm(
    url: string,
    form: URLSearchParams,
    signal?: AbortSignal,
  ): Promise<TwilioHttpResponse | TwilioHttpFailure>;
};

/**
 * A ky client for Twilio's REST APIs: HTTP Basic auth with the account SID and auth token,
 * `application/x-www-form-urlencoded` bodies, JSON answers. Ky's own retries are off and HTTP
 * errors are returned rather than thrown, because the dispatcher owns retries and the caller maps
 * each Twilio error code; transport failures come back as a value without the URL (which carries
 * the account SID) or the `Authorization` header.
 */
export function createTwilioHttp(credentials: ResolvedTwilioCredentials): TwilioHttp {
  const authorization = `Basic ${btoa(`${credentials.accountSid}:${credentials.authToken}`)}`;
  const client = ky.create({
    retry: 0,
    throwHttpErrors: false,
    timeout: credentials.timeoutMs,
    headers: { authorization, accept: 'application/json' },
    ...(credentials.fetch ? { fetch: credentials.fetch } : {}),
  });

  return {
    async postForm(url, form, signal) {
      try {
        const response = await client.post(url, { body: form, ...(signal ? { signal } : {}) });
        const text = await response.text();
        return { ok: true, status: response.status, headers: response.headers, body: parseJson(text) };
      } catch (error) {
        return describeTransportFailure(error, signal);
      }
    },
  };
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function describeTransportFailure(error: unknown, signal: AbortSignal | undefined): TwilioHttpFailure {
  if (signal?.aborted) return { ok: false, reason: 'aborted', detail: 'the send was aborted' };
  if (isTimeoutError(error)) return { ok: false, reason: 'timeout', detail: 'Twilio did not answer in time' };
  const code = isNetworkError(error) ? errorCode(error.cause) : errorCode(error);
  return { ok: false, reason: 'network', detail: `network error${code ? ` (${code})` : ''}` };
}

/** The system error code (`ECONNREFUSED`) of an error or its cause, if it has one. */
function errorCode(error: unknown): string | null {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    if (typeof current !== 'object') break;
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
