import { z } from 'zod';
import type {
  ChannelCapabilitiesV1,
  ChannelLimitsV1,
  ChannelMessageV1,
  NotificationChannelV1,
} from '../../channel/v1/notification-channel-v1';
import {
  type DeliveryFailureKind,
  NotificationDeliveryError,
} from '../../errors/notification-delivery-error';
import { ValidationError } from '../../errors/validation-error';
import { ChannelKindSchema } from '../../notifications/channel-kind';
import { SlugSchema } from '../../shared/ids';
import { parseInput } from '../../shared/parse-input';

/** One `doSend` call the channel received. */
export type RecordedSendV1 = {
  readonly message: ChannelMessageV1;
  readonly idempotencyKey: string;
  /** The id it answered with, or `null` when the call failed. */
  readonly providerMessageId: string | null;
  /** The error it threw, when it failed. */
  readonly error: NotificationDeliveryError | null;
};

/** A failure to script: a ready error, or a kind the channel turns into a `NotificationDeliveryError`. */
export type ScriptedFailure = NotificationDeliveryError | DeliveryFailureKind;

/** A notification channel that records messages instead of delivering them. */
export type RecordingChannel = NotificationChannelV1 & {
  /** Messages delivered (successful sends only, each idempotency key once), oldest first. */
  readonly sent: readonly RecordedSendV1[];
  /** Every `doSend` call, including failed and deduplicated ones, oldest first. */
  readonly calls: readonly RecordedSendV1[];
  /** Makes the next `times` sends (default 1) fail with `failure`, after any already scripted. */
  failNext(failure: ScriptedFailure, times?: number): void;
  /** Fails every send whose message matches `predicate` with `failure` until cleared. */
  failWhen(predicate: (message: ChannelMessageV1) => boolean, failure: ScriptedFailure): void;
  /** Forgets recorded sends, scripted failures and idempotency keys. */
  reset(): void;
};

const FailureSchema = z.union([
  z.instanceof(NotificationDeliveryError),
  z.enum(['transient', 'recipient_opted_out', 'invalid_recipient', 'endpoint_gone', 'rejected']),
]);

const RecordingChannelSettingsSchema = z.object({
  /** Which user-facing channel it stands in for. */
  channel: ChannelKindSchema,
  /** Provider id in errors and message ids; default `recording`. */
  providerId: SlugSchema.default('recording'),
  limits: z
    .object({
      concurrency: z.number().int().min(1).max(1000),
      intervalCap: z.number().int().min(1),
      intervalMs: z.number().int().min(1),
    })
    .default({ concurrency: 10, intervalCap: 1000, intervalMs: 1000 }),
  capabilities: z
    .object({ idempotentSends: z.boolean(), html: z.boolean(), images: z.boolean() })
    .partial()
    .default({}),
  /** Failures for the first sends, in order. */
  failures: z.array(FailureSchema).default([]),
});

/** Settings of {@link createRecordingChannel}. */
export type RecordingChannelSettings = z.input<typeof RecordingChannelSettingsSchema>;

/**
 * A channel for tests and local runs: it records every message it is asked to send and answers
 * with ids `<providerId>-1`, `-2`…, and can be scripted to throw each `NotificationDeliveryError`
 * kind, so dispatcher behaviour (retry, turn off, delete endpoint) can be exercised. With
 * `idempotentSends` (the default) a repeated idempotency key returns the first id and is not
 * recorded as a second delivery, as providers that deduplicate do.
 *
 * @throws ValidationError when `settings` are invalid; `doSend` throws it when the recipient kind
 *   does not match the channel.
 */
export function createRecordingChannel(settings: RecordingChannelSettings): RecordingChannel {
  const config = parseInput(RecordingChannelSettingsSchema, settings, {
    subject: 'recording channel settings',
  });
  const capabilities: ChannelCapabilitiesV1 = {
    idempotentSends: config.capabilities.idempotentSends ?? true,
    html: config.capabilities.html ?? true,
    images: config.capabilities.images ?? true,
  };
  const limits: ChannelLimitsV1 = config.limits;
  let sent: RecordedSendV1[] = [];
  let calls: RecordedSendV1[] = [];
  let queue: ScriptedFailure[] = [...config.failures];
  let rules: { predicate: (message: ChannelMessageV1) => boolean; failure: ScriptedFailure }[] = [];
  let delivered = new Map<string, string>();
  let counter = 0;

  const toError = (failure: ScriptedFailure) =>
    typeof failure === 'string'
      ? new NotificationDeliveryError({
          message: `scripted ${failure} failure`,
          source: config.providerId,
          kind: failure,
          status: failure === 'transient' ? 503 : 400,
        })
      : failure;

  return {
    specificationVersion: 'v1',
    channel: config.channel,
    providerId: config.providerId,
    capabilities,
    limits,
    get sent() {
      return [...sent];
    },
    get calls() {
      return [...calls];
    },

    async doSend(message, { idempotencyKey, signal }) {
      signal?.throwIfAborted();
      if (message.recipient.kind !== config.channel) {
        throw new ValidationError({
          issues: [{ field: 'recipient.kind', message: `must be '${config.channel}' for this channel` }],
          subject: 'message',
          source: config.providerId,
        });
      }
      const recorded = structuredClone(message);
      const scripted = queue.shift() ?? rules.find((rule) => rule.predicate(recorded))?.failure;
      if (scripted !== undefined) {
        const error = toError(scripted);
        calls.push({ message: recorded, idempotencyKey, providerMessageId: null, error });
        throw error;
      }
      const previous = capabilities.idempotentSends ? delivered.get(idempotencyKey) : undefined;
      const providerMessageId = previous ?? `${config.providerId}-${++counter}`;
      const entry = { message: recorded, idempotencyKey, providerMessageId, error: null };
      calls.push(entry);
      if (previous === undefined) {
        sent.push(entry);
        delivered.set(idempotencyKey, providerMessageId);
      }
      return { providerMessageId };
    },

    failNext(failure, times = 1) {
      const parsed = parseInput(FailureSchema, failure, { subject: 'scripted failure' });
      for (let i = 0; i < times; i++) queue.push(parsed);
    },

    failWhen(predicate, failure) {
      rules.push({ predicate, failure: parseInput(FailureSchema, failure, { subject: 'scripted failure' }) });
    },

    reset() {
      sent = [];
      calls = [];
      queue = [];
      rules = [];
      delivered = new Map();
    },
  };
}
