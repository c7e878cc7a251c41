import { createHmac, timingSafeEqual } from 'node:crypto';

/** POST parameters of a Twilio request, already URL-decoded; repeated keys as arrays. */
export type TwilioRequestParams = Readonly<Record<string, string | readonly string[]>>;

/**
 * Computes `X-Twilio-Signature` for a request: the full URL (with its query string, exactly as
 * configured in Twilio), followed by every POST parameter as `name + value` with names sorted in
 * code-unit order and no delimiters (repeated parameters: values de-duplicated and sorted), signed
 * with HMAC-SHA1 keyed by the auth token, base64-encoded. This follows Twilio's "validating
 * requests" guide and `twilio-node`'s `getExpectedTwilioSignature`.
 */
export function computeTwilioSignature(
  authToken: string,
  url: string,
  params: TwilioRequestParams = {},
): string {
  let data = url;
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    if (typeof value === 'string') data += name + value;
    else for (const item of [...new Set(value)].sort()) data += name + item;
  }
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

/**
 * Checks an `X-Twilio-Signature` header in constant time. Because Twilio is inconsistent about
 * default ports, the URL is tried as given, with the default port added (`:443`/`:80`) and with
 * it removed, as the official helper libraries do.
 */
export function isValidTwilioSignature(options: {
  readonly authToken: string;
  readonly url: string;
  readonly params: TwilioRequestParams;
  readonly signature: string | null | undefined;
}): boolean {
  const { signature } = options;
  if (!signature) return false;
  return urlVariants(options.url).some((url) =>
    safeEqual(computeTwilioSignature(options.authToken, url, options.params), signature),
  );
}

function urlVariants(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [url];
  }
  const defaultPort = parsed.protocol === 'https:' ? '443' : parsed.protocol === 'http:' ? '80' : null;
  if (defaultPort === null) return [url];
  // Rebuild by hand: `URL` drops an explicit default port, and we need both spellings.
  const auth = parsed.username ? `${parsed.username}${parsed.password ? `:${parsed.password}` : ''}@` : '';
  const rest = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  const withPort = `${parsed.protocol}//${auth}${parsed.hostname}:${parsed.port || defaultPort}${rest}`;
  const withoutPort = `${parsed.protocol}//${auth}${parsed.hostname}${parsed.port && parsed.port !== defaultPort ? `:${parsed.port}` : ''}${rest}`;
  return [...new Set([url, withPort, withoutPort])];
}

/** Constant-time comparison; a length mismatch returns early, which reveals nothing secret. */
function safeEqual(expected: string, actual: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(actual, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
