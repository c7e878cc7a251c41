import { z } from 'zod';
import { LocalTimeSchema } from './notification-preferences';
import type { UnsubscribeUrlBuilder } from './templates/unsubscribe-headers';

const fn = <T>(message: string) => z.custom<T>((value) => typeof value === 'function', { message });

/** Settings of the notifications service; every field is optional. */
export const NotificationsSettingsSchema = z.object({
  /** Name in every message (default `Deal Scout`). */
  appName: z.string().trim().min(1).max(60).default('Deal Scout'),
  /**
   * Builds the one-click unsubscribe URL (https) for an email; required when an email channel is
   * composed (RFC 8058; Gmail and Yahoo require it of bulk senders).
   */
  unsubscribeUrl: fn<UnsubscribeUrlBuilder>(
    'must be a function ({ userId, channel, list }) => https URL',
  ).optional(),
  /** Link to the host's notification settings page, shown in emails. */
  preferencesUrl: z.url().max(2048).nullable().default(null),
  /** Id of this dispatcher in outbox leases (default: random per instance). */
  workerId: z.string().min(1).max(100).optional(),
  /** How long a claimed entry is leased, in ms (default 60,000); an expired lease is claimable again. */
  leaseMs: z.number().int().min(1000).max(3_600_000).default(60_000),
  /** How often the dispatcher looks for due entries when idle, in ms (default 1,000). */
  pollIntervalMs: z.number().int().min(1).max(600_000).default(1000),
  /** Attempts before an entry fails for good (default 8). */
  maxAttempts: z.number().int().min(1).max(50).default(8),
  /** First retry backoff in ms (default 1,000); doubles per attempt, with full jitter. */
  baseRetryDelayMs: z.number().int().min(0).max(3_600_000).default(1000),
  /** Longest backoff, and longest honoured Retry-After, in ms (default 3,600,000). */
  maxRetryDelayMs: z.number().int().min(0).max(86_400_000).default(3_600_000),
  /** Local time digests go out (default `09:00`, per the roadmap's schedule). */
  digestTime: LocalTimeSchema.default('09:00'),
  /** How often the digest job looks for due digests, in ms (default 15 minutes). */
  digestSweepEveryMs: z
    .number()
    .int()
    .min(1000)
    .max(86_400_000)
    .default(15 * 60_000),
  /** Most deal cards in an email digest (default 20). */
  maxDigestDeals: z.number().int().min(1).max(100).default(20),
  /** Alerts whose deal score reaches this are critical (sent during quiet hours); `null`: none. */
  criticalDealScore: z.number().min(0).max(1).nullable().default(null),
  /** Source of randomness for backoff jitter (tests pass a fixed one). */
  random: fn<() => number>('must be a function returning [0, 1)').optional(),
});

/** Settings as the host passes them. */
export type NotificationsSettings = z.input<typeof NotificationsSettingsSchema>;
/** Settings with defaults applied. */
export type ResolvedNotificationsSettings = z.output<typeof NotificationsSettingsSchema>;
