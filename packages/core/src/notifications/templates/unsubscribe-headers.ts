import { ConfigurationError } from '../../errors/configuration-error';

/** What an unsubscribe link is for; the host's function turns it into a signed URL. */
export type UnsubscribeTarget = {
  readonly userId: string;
  readonly channel: 'email';
  /** `deal_alerts` for immediate alert emails, `digest` for digests. */
  readonly list: 'deal_alerts' | 'digest';
};

/** Builds the host's one-click unsubscribe URL (an opaque token identifying user and list). */
export type UnsubscribeUrlBuilder = (target: UnsubscribeTarget) => string;

/**
 * RFC 8058 one-click unsubscribe headers: `List-Unsubscribe: <https://…>` and
 * `List-Unsubscribe-Post: List-Unsubscribe=One-Click`. The URL must be `https:` (RFC 8058 §3);
 * throws `ConfigurationError` otherwise, since a plain-http or malformed link would be ignored by
 * Gmail and Yahoo and put the sender's reputation at risk. The host's endpoint must unsubscribe
 * on POST without login and must not on GET (link scanners prefetch GETs).
 */
export function unsubscribeHeaders(url: string): {
  'List-Unsubscribe': string;
  'List-Unsubscribe-Post': string;
} {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigurationError({
      source: 'notifications',
      message: 'unsubscribeUrl returned an invalid URL',
    });
  }
  if (parsed.protocol !== 'https:') {
    throw new ConfigurationError({
      source: 'notifications',
      message: 'unsubscribeUrl must return an https URL (RFC 8058)',
    });
  }
  // Angle brackets and CR/LF cannot appear in a parsed URL's href, so no header injection.
  return {
    'List-Unsubscribe': `<${parsed.href}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}
