import { runChannelConformance } from '@deal-scout/testkit';
import { createRecordingChannel, type RecordingChannel } from '../src';

const asRecording = (channel: unknown) => channel as RecordingChannel;

runChannelConformance({
  name: 'recording (sms)',
  create: () => ({ subject: createRecordingChannel({ channel: 'sms', providerId: 'recording' }) }),
  recipient: { kind: 'sms', phone: '+14155550123' },
  inspect: (channel) =>
    asRecording(channel).sent.map(({ message }) => ({
      to: message.recipient.kind === 'sms' ? message.recipient.phone : undefined,
      text: message.text,
      subject: message.subject,
      html: message.html,
    })),
  failures: {
    transient: (channel) => asRecording(channel).failNext('transient'),
    recipient_opted_out: (channel) => asRecording(channel).failNext('recipient_opted_out'),
    invalid_recipient: (channel) => asRecording(channel).failNext('invalid_recipient'),
    endpoint_gone: (channel) => asRecording(channel).failNext('endpoint_gone'),
    rejected: (channel) => asRecording(channel).failNext('rejected'),
  },
});

runChannelConformance({
  name: 'recording (email, no idempotency)',
  create: () => ({
    subject: createRecordingChannel({ channel: 'email', capabilities: { idempotentSends: false } }),
  }),
  recipient: { kind: 'email', email: 'buyer@example.com' },
  inspect: (channel) =>
    asRecording(channel).sent.map(({ message }) => ({ text: message.text, html: message.html })),
});
