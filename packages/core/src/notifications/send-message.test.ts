import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error';
import { analyzeSms } from './templates/gsm7';
import { createNotificationsHarness } from './testing/notifications-harness';

describe('transactional messages', () => {
  it('sends a verification code at once, even in quiet hours, once per idempotency key', async () => {
    // 04:00Z is 23:00 in New York: inside 22:00-07:00.
    const h = createNotificationsHarness({ start: '2026-01-06T04:00:00.000Z' });
    await h.setPreferences({
      userId: 'u1',
      channels: ['email'],
      quietHours: { start: '22:00', end: '07:00' },
      timeZone: 'America/New_York',
      addresses: { phone: '+14155550123' },
    });
    const input = {
      userId: 'u1',
      idempotencyKey: 'signup-1',
      message: { kind: 'verification_code' as const, code: '482913' },
    };
    expect(await h.service.send(input)).toMatch(/^ntf_/);
    expect(await h.service.send(input)).toBeNull();
    await h.service.dispatcher.drain();
    // Sent on SMS although the user chose only email for alerts: they asked for this code.
    expect(h.channels.sms.sent.map((send) => send.message.text)).toEqual([
      '482913 is your Deal Scout verification code. It expires in 10 min. Never share it.',
    ]);
    expect(analyzeSms(h.channels.sms.sent[0]?.message.text ?? '').segments).toBe(1);
  });

  it('holds an order status update until quiet hours end', async () => {
    const h = createNotificationsHarness({ start: '2026-01-06T04:00:00.000Z' });
    await h.setPreferences({
      userId: 'u1',
      quietHours: { start: '22:00', end: '07:00' },
      timeZone: 'America/New_York',
      addresses: { phone: '+14155550123' },
    });
    await h.service.send({
      userId: 'u1',
      idempotencyKey: 'order-7-shipped',
      message: { kind: 'order_status', orderId: '7', itemTitle: 'Trek “Domane” bike', status: 'shipped' },
    });
    expect(await h.service.dispatcher.drain()).toBe(0);
    await h.clock.setTime('2026-01-06T12:00:00.000Z');
    await h.service.dispatcher.drain();
    expect(h.channels.sms.sent[0]?.message.text).toBe(
      'Deal Scout: your order 7 (Trek "Domane" bike) is now shipped.',
    );
  });

  it('validates its input', async () => {
    const h = createNotificationsHarness();
    const error = await h.service
      .send({ userId: 'u1', idempotencyKey: 'k', message: { kind: 'verification_code', code: '12' } })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('message.code');
  });
});
