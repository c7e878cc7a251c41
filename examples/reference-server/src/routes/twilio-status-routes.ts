import { createTwilioStatusCallbackHandler } from '@deal-scout/twilio';
import type { App, AppDependencies } from '../http/app-types';
import { httpProblem, problemResponse, toProblem } from '../http/problem';

/** Statuses after which Twilio sends no more callbacks for a message. */
const finalStatuses = new Set(['delivered', 'undelivered', 'failed', 'canceled', 'read']);

const messageKey = (sid: string) => `server.twilio-message.${sid}`;

/**
 * Twilio's delivery-status callback (`StatusCallback`). The `X-Twilio-Signature` is verified over
 * the public URL and the form parameters before anything is read; a forged request gets 403. The
 * verified status is logged and kept in the SDK's state store under the message SID, so the
 * delivery of an SMS can be traced after the fact.
 *
 * A failure reported late (`undelivered` with 30006, a landline or unreachable number; an
 * opt-out) is applied to the user's preferences through `scout.notifications.reportDeliveryFailure`,
 * as a failed send would be: every SMS the SDK sends is remembered under its SID with its user
 * (from the `notification.sent` event) until Twilio reports a final status.
 */
export function registerTwilioStatusRoutes(
  app: App,
  deps: AppDependencies,
  options: { authToken?: string | undefined },
): void {
  const handler = options.authToken
    ? createTwilioStatusCallbackHandler({
        authToken: options.authToken,
        publicUrl: `${deps.publicBaseUrl.replace(/\/$/, '')}/webhooks/twilio/status`,
      })
    : null;
  if (handler) {
    deps.scout.on('notification.sent', (event) => {
      if (event.channel !== 'sms' || !event.providerMessageId) return;
      deps.scout.storage.state
        .set(messageKey(event.providerMessageId), { userId: event.userId })
        .catch((error: unknown) =>
          deps.logger.error(
            { err: error instanceof Error ? error.message : String(error), notification: event.id },
            'could not remember the SMS for its status callbacks',
          ),
        );
    });
  }
  app.post('/webhooks/twilio/status', async (c) => {
    if (!handler)
      return problemResponse(
        c,
        httpProblem(404, 'NOT_FOUND', 'Twilio is not configured (TWILIO_AUTH_TOKEN)'),
      );
    try {
      const update = await handler.handle(c.req.raw);
      await deps.scout.storage.state.set(`server.twilio-status.${update.messageSid}`, {
        status: update.status,
        errorCode: update.errorCode,
        failureKind: update.failureKind,
        at: deps.scout.clock.now().toISOString(),
      });
      deps.logger.info(
        { messageSid: update.messageSid, status: update.status, errorCode: update.errorCode },
        'twilio status',
      );
      if (finalStatuses.has(update.status)) {
        const sent = await deps.scout.storage.state.get(messageKey(update.messageSid));
        const userId = (sent?.value as { userId?: unknown } | undefined)?.userId;
        if (typeof userId === 'string' && update.failureKind && update.to) {
          const changed = await deps.scout.notifications.reportDeliveryFailure({
            userId,
            channel: 'sms',
            recipient: { kind: 'sms', phone: update.to },
            kind: update.failureKind,
          });
          if (changed) {
            deps.logger.info(
              { messageSid: update.messageSid, failureKind: update.failureKind },
              'sms preferences changed by a late delivery failure',
            );
          }
        }
        if (sent) await deps.scout.storage.state.delete(messageKey(update.messageSid));
      }
      return c.body(null, 204);
    } catch (error) {
      const problem = toProblem(error);
      return problemResponse(
        c,
        problem.code === 'SIGNATURE_INVALID' ? { ...problem, status: 403, title: 'Forbidden' } : problem,
      );
    }
  });
}
