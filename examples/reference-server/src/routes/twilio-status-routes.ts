import { createTwilioStatusCallbackHandler } from '@deal-scout/twilio';
import type { App, AppDependencies } from '../http/app-types';
import { httpProblem, problemResponse, toProblem } from '../http/problem';

/**
 * Twilio's delivery-status callback (`StatusCallback`). The `X-Twilio-Signature` is verified over
 * the public URL and the form parameters before anything is read; a forged request gets 403. The
 * verified status is logged and kept in the SDK's state store under the message SID, so the
 * delivery of an SMS can be traced after the fact.
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
