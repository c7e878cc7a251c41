import { createHash } from 'node:crypto';
import type { ChannelKind } from '../channel-kind';

const maxKeyLength = 400;

function digest(text: string, length = 32): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

function build(prefix: string, parts: readonly string[]): string {
  const plain = `${prefix}:${parts.map(encodeURIComponent).join(':')}`;
  // Ids may be long (listing ids reach 233 characters); hash rather than exceed the column.
  return plain.length <= maxKeyLength ? plain : `${prefix}#${digest(JSON.stringify(parts), 64)}`;
}

/** A short stable id for a push endpoint (one outbox entry per device). */
export function endpointId(endpoint: string): string {
  return digest(endpoint, 16);
}

/**
 * Rule: deduplication. One outbox entry per (user, rule, listing, channel) — per device for
 * push — whatever retries, restarts or re-ingests happen: the outbox refuses a second entry with
 * the same key.
 */
export function alertDedupeKey(
  parts: {
    readonly userId: string;
    readonly ruleId: string;
    readonly listingId: string;
    readonly channel: ChannelKind;
  },
  pushEndpoint?: string,
): string {
  const base = [parts.userId, parts.ruleId, parts.listingId, parts.channel];
  return build('alert', pushEndpoint ? [...base, endpointId(pushEndpoint)] : base);
}

/** One digest per (user, period, channel) — per device for push. */
export function digestDedupeKey(
  parts: { readonly userId: string; readonly period: string; readonly channel: ChannelKind },
  pushEndpoint?: string,
): string {
  const base = [parts.userId, parts.period, parts.channel];
  return build('digest', pushEndpoint ? [...base, endpointId(pushEndpoint)] : base);
}
