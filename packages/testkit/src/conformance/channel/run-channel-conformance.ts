import {
  type ChannelMessageV1,
  type ChannelRecipientV1,
  DealScoutError,
  type DeliveryFailureKind,
  type NotificationChannelV1,
  type NotificationDeliveryError,
} from '@deal-scout/core';
import { expect, it } from 'vitest';
import { type ConformanceOptions, defineConformanceSuite } from '../define-suite';

/** What the provider received for one message, as the adopter's test server saw it. */
export type InspectedDelivery = {
  /** The address it went to (`+14155550123`, `buyer@example.com`, the webhook URL, the push endpoint). */
  readonly to?: string;
  /** The plain-text body (SMS body, email text part, Discord `content`, push body). */
  readonly text?: string;
  /** Email subject or push title. */
  readonly subject?: string;
  /** Email HTML part. */
  readonly html?: string;
};

/** Groups of channel tests that can be turned off. */
export type ChannelConformanceToggle = 'abort' | 'html';

/** Options of {@link runChannelConformance}. */
export type ChannelConformanceOptions = ConformanceOptions<
  NotificationChannelV1,
  ChannelConformanceToggle
> & {
  /** A recipient the test provider accepts. */
  readonly recipient: ChannelRecipientV1;
  /**
   * Everything the provider received since `create`, oldest first: read from your msw handlers,
   * in-process SMTP server or push service stub. This is how the suite sees real delivery.
   */
  readonly inspect: (
    channel: NotificationChannelV1,
  ) => Promise<readonly InspectedDelivery[]> | readonly InspectedDelivery[];
  /**
   * For each failure kind the provider can signal, makes the next send fail that way (for example
   * an msw handler answering Twilio error 21610 for `recipient_opted_out`). Each kind listed is
   * checked to surface as a `NotificationDeliveryError` of that kind.
   */
  readonly failures?: Partial<
    Record<DeliveryFailureKind, (channel: NotificationChannelV1) => Promise<void> | void>
  >;
  /** Credentials that must never appear in error messages or serialised errors. */
  readonly secrets?: readonly string[];
};

const message = (recipient: ChannelRecipientV1, text: string): ChannelMessageV1 => ({
  recipient,
  subject: 'Deal found: Sony PlayStation 5',
  text,
  html: `<p>${text}</p>`,
});

/**
 * The `NotificationChannelV1` conformance suite: contract shape, real delivery observed through
 * `inspect`, one delivery per send, stable ids for repeated idempotency keys where promised,
 * every failure kind the adopter can provoke mapped to `NotificationDeliveryError` (retryable only
 * when transient, no secrets in it), and abort before sending.
 */
export function runChannelConformance(options: ChannelConformanceOptions): void {
  defineConformanceSuite<NotificationChannelV1, ChannelConformanceToggle, ChannelConformanceOptions>(
    'channel conformance',
    options,
    ({ getSubject, enabled }) => {
      const send = (text: string, key = `key-${text}`, signal?: AbortSignal) =>
        getSubject().doSend(message(options.recipient, text), {
          idempotencyKey: key,
          ...(signal ? { signal } : {}),
        });
      const deliveries = async () => [...(await options.inspect(getSubject()))];

      it('declares version v1, its channel, provider id, capabilities and limits', () => {
        const channel = getSubject();
        expect(channel.specificationVersion).toBe('v1');
        expect(['email', 'sms', 'discord', 'push']).toContain(channel.channel);
        expect(channel.channel).toBe(options.recipient.kind);
        expect(channel.providerId).toMatch(/^[a-z][a-z0-9-]*$/);
        for (const flag of ['idempotentSends', 'html', 'images'] as const) {
          expect(typeof channel.capabilities[flag], flag).toBe('boolean');
        }
        expect(channel.limits.concurrency).toBeGreaterThanOrEqual(1);
        expect(channel.limits.intervalCap).toBeGreaterThanOrEqual(1);
        expect(channel.limits.intervalMs).toBeGreaterThan(0);
      });

      it('delivers a message the provider really receives', async () => {
        const result = await send('Price drop: $350 near you');
        expect(result.providerMessageId === null || typeof result.providerMessageId === 'string').toBe(true);
        const received = await deliveries();
        expect(received).toHaveLength(1);
        const [delivery] = received;
        if (delivery?.text !== undefined) expect(delivery.text).toContain('Price drop: $350 near you');
        if (delivery?.to !== undefined) expect(JSON.stringify(options.recipient)).toContain(delivery.to);
      });

      it('delivers each send once, in order', async () => {
        await send('first alert');
        await send('second alert');
        const received = await deliveries();
        expect(received).toHaveLength(2);
        if (received[0]?.text !== undefined) {
          expect(received[0].text).toContain('first alert');
          expect(received[1]?.text).toContain('second alert');
        }
      });

      it('returns the same provider id for a repeated idempotency key when it promises idempotent sends', async ({
        skip,
      }) => {
        if (!getSubject().capabilities.idempotentSends) skip();
        const first = await send('once only', 'same-key');
        const second = await send('once only', 'same-key');
        expect(second.providerMessageId).toBe(first.providerMessageId);
      });

      it.skipIf(!enabled('html'))('sends the HTML part when it supports HTML', async ({ skip }) => {
        if (!getSubject().capabilities.html) skip();
        await send('with html');
        const [delivery] = await deliveries();
        if (delivery?.html === undefined) skip();
        expect(delivery?.html).toContain('<p>with html</p>');
      });

      for (const [kind, arrange] of Object.entries(options.failures ?? {}) as [
        DeliveryFailureKind,
        (channel: NotificationChannelV1) => Promise<void> | void,
      ][]) {
        it(`reports a ${kind} failure as NotificationDeliveryError of that kind`, async () => {
          await arrange(getSubject());
          let caught: unknown = null;
          try {
            await send(`fails ${kind}`);
          } catch (error) {
            caught = error;
          }
          expect(DealScoutError.isInstance(caught)).toBe(true);
          const error = caught as NotificationDeliveryError;
          expect(error.code).toBe('NOTIFICATION_DELIVERY_FAILED');
          expect(error.kind).toBe(kind);
          expect(error.isRetryable).toBe(kind === 'transient');
          expect(error.source).toBe(getSubject().providerId);
          const exposed = `${error.message} ${JSON.stringify(error)}`;
          for (const secret of options.secrets ?? []) expect(exposed).not.toContain(secret);
        });
      }

      it.skipIf(!enabled('abort'))('sends nothing when the signal is already aborted', async () => {
        const controller = new AbortController();
        controller.abort(new Error('shutting down'));
        await expect(send('never', 'abort-key', controller.signal)).rejects.toThrow();
        expect(await deliveries()).toEqual([]);
      });
    },
  );
}
