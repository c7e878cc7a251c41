import ky, { isTimeoutError } from 'ky';

/** What Discord answered, whatever the status; or why there was no answer (safe to show). */
export type DiscordHttpResult =
  | { readonly ok: true; readonly status: number; readonly headers: Headers; readonly body: unknown }
  | { readonly ok: false; readonly detail: string };

/**
 * A ky client for Discord webhooks. Ky's retries are off and HTTP errors come back as values: the
 * dispatcher owns retries, and ky's own errors would carry the request URL, which holds the
 * webhook token.
 */
export function createDiscordHttp(options: { readonly fetch?: typeof fetch; readonly timeoutMs: number }) {
  const client = ky.create({
    retry: 0,
    throwHttpErrors: false,
    timeout: options.timeoutMs,
    headers: { accept: 'application/json' },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  async function request(
    method: 'get' | 'post',
    url: string,
    init: { readonly json?: unknown; readonly signal?: AbortSignal | undefined },
  ): Promise<DiscordHttpResult> {
    try {
      const response = await client(url, {
        method,
        ...(init.json === undefined ? {} : { json: init.json }),
        ...(init.signal ? { signal: init.signal } : {}),
      });
      const text = await response.text();
      return { ok: true, status: response.status, headers: response.headers, body: parseJson(text) };
    } catch (error) {
      if (init.signal?.aborted) return { ok: false, detail: 'the send was aborted' };
      if (isTimeoutError(error)) return { ok: false, detail: 'Discord did not answer in time' };
      return { ok: false, detail: `network error${systemCode(error)}` };
    }
  }

  return { request };
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function systemCode(error: unknown): string {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return ` (${code})`;
    current = (current as { cause?: unknown }).cause;
  }
  return '';
}
