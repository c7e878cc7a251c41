import { runChannelConformance } from '@deal-scout/testkit';
import { afterAll, beforeAll } from 'vitest';
import { startSmtpTestServer } from '../test/smtp-test-server';
import { createEmailChannel } from './create-email-channel';

const password = 'conformance-Smtp-secret-41';
const address = 'buyer@example.com';
let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
let firstUnseen = 0;

beforeAll(async () => {
  smtp = await startSmtpTestServer({ auth: { user: 'scout', pass: password } });
});
afterAll(async () => {
  await smtp.close();
});

runChannelConformance({
  name: 'email (nodemailer → in-process smtp-server)',
  create: () => {
    smtp.resetReplies();
    firstUnseen = smtp.received.length;
    const channel = createEmailChannel({
      host: smtp.host,
      port: smtp.port,
      auth: { user: 'scout', pass: password },
      from: 'Deal Scout <deals@alerts.example.com>',
      timeoutMs: 2000,
      env: {},
    });
    return { subject: channel, teardown: () => channel.close() };
  },
  recipient: { kind: 'email', email: address },
  inspect: () =>
    smtp.received.slice(firstUnseen).map((mail) => ({
      to: mail.envelope.to[0] ?? '',
      text: mail.parsed.text ?? '',
      subject: mail.parsed.subject ?? '',
      ...(typeof mail.parsed.html === 'string' ? { html: mail.parsed.html } : {}),
    })),
  failures: {
    transient: () =>
      smtp.rejectRecipient(address, { code: 451, message: '4.7.1 Greylisted, try again later' }),
    invalid_recipient: () => smtp.rejectRecipient(address, { code: 550, message: '5.1.1 User unknown' }),
    rejected: () => smtp.rejectData(address, { code: 554, message: '5.7.1 Message rejected as spam' }),
  },
  secrets: [password],
});
