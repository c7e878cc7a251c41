import { describe, expect, it } from 'vitest';
import { createRecordingChannel, NotificationDeliveryError, ValidationError } from '../src';

const sms = (text: string) => ({ recipient: { kind: 'sms' as const, phone: '+14155550123' }, text });

describe('recording channel', () => {
  it('fails scripted sends in order, then by predicate, and records every call', async () => {
    const channel = createRecordingChannel({
      channel: 'sms',
      providerId: 'fake-sms',
      failures: ['transient'],
    });
    const custom = new NotificationDeliveryError({
      message: 'landline',
      source: 'fake-sms',
      kind: 'invalid_recipient',
      providerCode: 21614,
    });
    channel.failNext(custom);
    channel.failWhen((message) => message.text.includes('STOP'), 'recipient_opted_out');
    await expect(channel.doSend(sms('a'), { idempotencyKey: 'a' })).rejects.toMatchObject({
      kind: 'transient',
      isRetryable: true,
    });
    await expect(channel.doSend(sms('b'), { idempotencyKey: 'b' })).rejects.toBe(custom);
    await expect(channel.doSend(sms('please STOP'), { idempotencyKey: 'c' })).rejects.toMatchObject({
      kind: 'recipient_opted_out',
      isRetryable: false,
      source: 'fake-sms',
    });
    expect(await channel.doSend(sms('d'), { idempotencyKey: 'd' })).toEqual({
      providerMessageId: 'fake-sms-1',
    });
    expect(channel.calls.map((call) => call.error?.kind ?? 'sent')).toEqual([
      'transient',
      'invalid_recipient',
      'recipient_opted_out',
      'sent',
    ]);
    expect(channel.sent.map((call) => call.message.text)).toEqual(['d']);
    channel.reset();
    expect(channel.calls).toEqual([]);
    expect(await channel.doSend(sms('please STOP'), { idempotencyKey: 'e' })).toEqual({
      providerMessageId: 'fake-sms-2',
    });
  });

  it('rejects a recipient of another channel kind and a bad scripted failure with ValidationError', async () => {
    const channel = createRecordingChannel({ channel: 'email' });
    await expect(channel.doSend(sms('x'), { idempotencyKey: 'x' })).rejects.toMatchObject({
      field: 'recipient.kind',
    });
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input from an untyped caller
    expect(() => channel.failNext('exploded' as any)).toThrow(ValidationError);
  });

  it('sends again for a repeated key when it does not promise idempotent sends', async () => {
    const channel = createRecordingChannel({ channel: 'sms', capabilities: { idempotentSends: false } });
    const first = await channel.doSend(sms('x'), { idempotencyKey: 'same' });
    const second = await channel.doSend(sms('x'), { idempotencyKey: 'same' });
    expect(first.providerMessageId).not.toBe(second.providerMessageId);
    expect(channel.sent).toHaveLength(2);
  });
});
