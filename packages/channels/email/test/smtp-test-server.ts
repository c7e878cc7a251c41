import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

/** A message the test server accepted, parsed back with mailparser. */
export type ReceivedMail = {
  readonly envelope: { readonly from: string | null; readonly to: readonly string[] };
  readonly user: string | null;
  readonly raw: string;
  readonly parsed: ParsedMail;
};

/** A scripted SMTP reply (`550`, `5.1.1 user unknown`). */
export type ScriptedReply = { readonly code: number; readonly message: string };

/**
 * A real SMTP server on 127.0.0.1 (smtp-server), started in-process. It records every accepted
 * message and answers `RCPT TO` or `DATA` with scripted errors per recipient address.
 */
export async function startSmtpTestServer(options: { readonly auth?: { user: string; pass: string } } = {}) {
  const received: ReceivedMail[] = [];
  const rcptReplies = new Map<string, ScriptedReply>();
  const dataReplies = new Map<string, ScriptedReply>();

  const server = new SMTPServer({
    logger: false,
    disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.auth,
    allowInsecureAuth: true,
    size: 10 * 1024 * 1024,
    onAuth(auth, _session, callback) {
      if (auth.username === options.auth?.user && auth.password === options.auth?.pass) {
        callback(null, { user: auth.username });
      } else {
        callback(withCode(new Error('5.7.8 Authentication credentials invalid'), 535));
      }
    },
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      const reply = rcptReplies.get(address.address);
      callback(reply ? withCode(new Error(reply.message), reply.code) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
        const reply = to.map((address) => dataReplies.get(address)).find(Boolean);
        if (reply) return callback(withCode(new Error(reply.message), reply.code));
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw).then(
          (parsed) => {
            const from = session.envelope.mailFrom;
            received.push({
              envelope: { from: from ? from.address : null, to },
              user: typeof session.user === 'string' ? session.user : null,
              raw,
              parsed,
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = (server as unknown as { server: { address(): AddressInfo } }).server.address();

  return {
    host: '127.0.0.1',
    port,
    received,
    /** Answer `RCPT TO:<address>` with this reply. */
    rejectRecipient(address: string, reply: ScriptedReply) {
      rcptReplies.set(address, reply);
    },
    /** Accept the recipient but answer the message data with this reply. */
    rejectData(address: string, reply: ScriptedReply) {
      dataReplies.set(address, reply);
    },
    /** Forget every scripted reply. */
    resetReplies() {
      rcptReplies.clear();
      dataReplies.clear();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function withCode(error: Error, responseCode: number): Error {
  return Object.assign(error, { responseCode });
}
