import { ConfigurationError } from '../errors/configuration-error';
import type { DealScoutEvents } from '../runtime/events';
import type { RuntimeContext } from '../runtime/runtime-context';
import { parseInput } from '../shared/parse-input';
import { type DeliveryQuery, type DeliveryRecord, listDeliveries } from './delivery-log';
import { digestSweepJob, runDigestSweep } from './digests/digest-job';
import type { NotificationsDeps } from './notifications-deps';
import { type NotificationsSettings, NotificationsSettingsSchema } from './notifications-settings';
import { createDispatcher, type Dispatcher } from './outbox/dispatcher';
import { type AlertDeliveryOutcome, deliverAlert } from './policy/deliver-alert';
import { createPreferencesApi, type NotificationPreferencesApi } from './preferences/preferences-api';
import { createPreferencesStore } from './preferences/preferences-store';
import { type ReportedDeliveryFailure, reportDeliveryFailure } from './report-delivery-failure';
import { type SendMessageInput, sendMessage } from './send-message';

/** `scout.notifications`. */
export type NotificationsService = {
  /** Preferences: channels, frequency, quiet hours, addresses, Discord webhook, push subscriptions. */
  readonly preferences: NotificationPreferencesApi;
  /** The delivery log: outbox entries by user and status, newest first, paged. */
  deliveries(
    query?: DeliveryQuery,
  ): Promise<{ readonly items: DeliveryRecord[]; readonly nextCursor: string | null }>;
  /**
   * Applies the delivery policy to an alert match — what the service does for every
   * `alert.matched` event. `critical` sends during quiet hours and past the daily cap (by
   * default, alerts whose deal score reaches `settings.criticalDealScore` are critical).
   */
  handleAlertMatch(
    event: DealScoutEvents['alert.matched'],
    options?: { readonly critical?: boolean },
  ): Promise<AlertDeliveryOutcome>;
  /**
   * Applies a failure the provider reported after accepting a message (a late Twilio status
   * callback: 30006 landline or unreachable, an opt-out), as a failed send would: the channel off
   * for an opt-out, the address marked invalid or removed, undeliverable pending notifications
   * cancelled. Returns whether the preferences changed. Throws `ValidationError` for bad input.
   */
  reportDeliveryFailure(failure: ReportedDeliveryFailure): Promise<boolean>;
  /** Queues a transactional message (order status, verification code). */
  send(input: SendMessageInput): Promise<string | null>;
  /** Builds every digest that is due now (the scheduled job does this every 15 minutes). */
  runDigests(): Promise<number>;
  /** The outbox dispatcher (its `runOnce`/`drain` send what is due now, without the loop). */
  readonly dispatcher: Dispatcher;
  /** Schedules the digest job and starts the dispatcher loop. */
  start(): Promise<void>;
  /** Stops the dispatcher (waiting for sends in flight) and stops listening for alert matches. */
  stop(): Promise<void>;
  /** Resolves when every alert match received so far has been handled. */
  idle(): Promise<void>;
};

/**
 * Creates the notifications service on a runtime context: it listens to `alert.matched`, applies
 * the delivery policy, writes the outbox, registers the digest job on the jobs contract and runs
 * the dispatcher. Throws `ValidationError` for invalid settings and `ConfigurationError` when an
 * email channel is composed without `settings.unsubscribeUrl`.
 */
export function createNotificationsService(
  context: RuntimeContext,
  settings: NotificationsSettings = {},
): NotificationsService {
  const resolved = parseInput(NotificationsSettingsSchema, settings, {
    subject: 'notifications settings',
    field: 'notifications',
  });
  if (context.channels.has('email') && !resolved.unsubscribeUrl) {
    throw new ConfigurationError({
      source: 'notifications',
      message: 'an email channel needs notifications.unsubscribeUrl (one-click unsubscribe, RFC 8058)',
    });
  }
  const deps: NotificationsDeps = {
    context,
    settings: resolved,
    preferences: createPreferencesStore(context.storage, context.now),
    templates: {
      appName: resolved.appName,
      unsubscribeUrl: resolved.unsubscribeUrl ?? null,
      preferencesUrl: resolved.preferencesUrl,
      maxDigestDeals: resolved.maxDigestDeals,
    },
  };
  const dispatcher = createDispatcher(deps);
  const pending = new Set<Promise<unknown>>();

  const handleAlertMatch: NotificationsService['handleAlertMatch'] = async (event, options = {}) => {
    const score = event.listing.dealScore;
    const critical =
      options.critical ??
      (resolved.criticalDealScore !== null &&
        typeof score === 'number' &&
        score >= resolved.criticalDealScore);
    const outcome = await deliverAlert(deps, { ...event, critical });
    if (outcome.status === 'enqueued') dispatcher.wake();
    return outcome;
  };

  const onAlertMatched = (event: DealScoutEvents['alert.matched']) => {
    const task = handleAlertMatch(event)
      .catch((error: unknown) => context.reportError(`notifications for rule ${event.rule.id}`, error))
      .finally(() => pending.delete(task));
    pending.add(task);
  };
  context.events.on('alert.matched', onAlertMatched);
  context.jobs.process(digestSweepJob, async (_payload, job) => {
    const built = await runDigestSweep(deps, job.signal);
    job.progress(1, `${built} digests built`);
    if (built > 0) dispatcher.wake();
  });

  return {
    preferences: createPreferencesApi(deps),
    deliveries: (query = {}) => listDeliveries(context.storage, query),
    handleAlertMatch,
    reportDeliveryFailure: (failure) => reportDeliveryFailure(deps, failure),
    async send(input) {
      const id = await sendMessage(deps, input);
      if (id) dispatcher.wake();
      return id;
    },
    async runDigests() {
      const built = await runDigestSweep(deps);
      if (built > 0) dispatcher.wake();
      return built;
    },
    dispatcher,
    async start() {
      await context.jobs.schedule(digestSweepJob, { everyMs: resolved.digestSweepEveryMs });
      dispatcher.start();
    },
    async stop() {
      context.events.off('alert.matched', onAlertMatched);
      await Promise.allSettled([...pending]);
      await dispatcher.stop();
    },
    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
