import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error';
import { createNotificationsHarness } from './testing/notifications-harness';

const phone = '+14155550123';

async function setup() {
  const h = createNotificationsHarness();
  await h.setPreferences({
    userId: 'u1',
    channels: ['sms', 'email'],
    addresses: { phone, email: 'ana@example.com', pushSubscriptions: [] },
  });
  return h;
}

describe('reportDeliveryFailure (a failure reported after the send)', () => {
  it('marks a number that turned out unreachable invalid, once, and cancels what is pending for it', async () => {
    const h = await setup();
    // One SMS is queued and not yet sent when the late failure of an earlier one arrives.
    const rule = h.rule('u1');
    await h.service.handleAlertMatch(h.match(rule, await h.listing('1')));
    const sms = { userId: 'u1', channel: 'sms', recipient: { kind: 'sms', phone } } as const;

    expect(await h.service.reportDeliveryFailure({ ...sms, kind: 'invalid_recipient' })).toBe(true);
    expect((await h.service.preferences.get('u1')).addresses.phoneInvalid).toBe(true);
    expect(h.eventsNamed('notification.preferences_changed')).toEqual([
      { userId: 'u1', reason: 'invalid_recipient', fields: ['addresses.phoneInvalid'], channel: 'sms' },
    ]);
    expect(await h.service.dispatcher.drain()).toBe(1); // the email only
    expect(h.channels.sms.sent).toHaveLength(0);

    // The same report again changes nothing.
    expect(await h.service.reportDeliveryFailure({ ...sms, kind: 'invalid_recipient' })).toBe(false);
  });

  it('turns SMS off for a late opt-out, and leaves a number the user has since replaced alone', async () => {
    const h = await setup();
    await h.service.preferences.updateAddresses({ userId: 'u1', phone: '+14155550199' });
    const stale = { userId: 'u1', channel: 'sms', recipient: { kind: 'sms', phone } } as const;
    expect(await h.service.reportDeliveryFailure({ ...stale, kind: 'invalid_recipient' })).toBe(false);
    expect((await h.service.preferences.get('u1')).addresses.phoneInvalid).toBeUndefined();

    expect(await h.service.reportDeliveryFailure({ ...stale, kind: 'recipient_opted_out' })).toBe(true);
    expect((await h.service.preferences.get('u1')).channels).toEqual(['email']);
  });

  it('changes nothing for transient or rejected failures, and refuses an address of another channel', async () => {
    const h = await setup();
    const sms = { userId: 'u1', channel: 'sms', recipient: { kind: 'sms', phone } } as const;
    expect(await h.service.reportDeliveryFailure({ ...sms, kind: 'transient' })).toBe(false);
    expect(await h.service.reportDeliveryFailure({ ...sms, kind: 'rejected' })).toBe(false);
    expect(h.eventsNamed('notification.preferences_changed')).toEqual([]);

    const error = await h.service
      .reportDeliveryFailure({ ...sms, channel: 'email', kind: 'invalid_recipient' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('recipient.kind');
  });
});
