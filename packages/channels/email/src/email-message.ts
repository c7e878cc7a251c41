import { createHash } from 'node:crypto';
import { parseInput } from '@deal-scout/core';
import { z } from 'zod';

// Headers the channel sets itself; a template setting them could forge or misroute mail.
const reservedHeaders = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'sender',
  'subject',
  'date',
  'message-id',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
  'return-path',
  'received',
  'dkim-signature',
]);

const HeaderName = z
  .string()
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,76}$/, 'must be a header field name')
  .refine(
    (name) => !reservedHeaders.has(name.toLowerCase()),
    'is set by the channel and cannot be overridden',
  );
// No CR/LF: a line break would let a value start a new header (header injection).
const HeaderValue = z
  .string()
  .max(2000)
  .regex(/^[^\r\n]*$/, 'must not contain line breaks');
const noLineBreaks = /^[^\r\n]*$/;

const EmailMessageSchema = z
  .object({
    recipient: z.object({
      kind: z.literal('email'),
      email: z.email().max(320),
      name: z.string().max(200).regex(noLineBreaks, 'must not contain line breaks').optional(),
    }),
    subject: z.string().min(1).max(998).regex(noLineBreaks, 'must not contain line breaks'),
    text: z.string().min(1).max(1_000_000),
    html: z.string().max(5_000_000).optional(),
    headers: z.record(HeaderName, HeaderValue).optional(),
  })
  .superRefine((message, context) => {
    // RFC 8058: one-click unsubscribe needs an HTTPS List-Unsubscribe URI next to the Post header.
    const headers = Object.fromEntries(
      Object.entries(message.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
    );
    const post = headers['list-unsubscribe-post'];
    if (post === undefined) return;
    if (post !== 'List-Unsubscribe=One-Click') {
      context.addIssue({
        code: 'custom',
        path: ['headers', 'List-Unsubscribe-Post'],
        message: 'must be exactly List-Unsubscribe=One-Click (RFC 8058)',
      });
    }
    if (!/<https:\/\/[^>]+>/.test(headers['list-unsubscribe'] ?? '')) {
      context.addIssue({
        code: 'custom',
        path: ['headers', 'List-Unsubscribe'],
        message: 'must contain an <https://…> URI when List-Unsubscribe-Post is set (RFC 8058)',
      });
    }
  });

export type EmailMessage = z.output<typeof EmailMessageSchema>;

/**
 * Validates the parts of a message an email uses.
 * @throws ValidationError naming the field (a non-email recipient, a missing subject, a header with
 * a line break or a reserved name, a one-click unsubscribe without an HTTPS URI).
 */
export function parseEmailMessage(message: unknown): EmailMessage {
  return parseInput(EmailMessageSchema, message, { subject: 'email message', source: 'email' });
}

/**
 * A `Message-ID` derived from the idempotency key, so a resend after a crash carries the same id
 * and mail systems that collapse duplicates by `Message-ID` (Gmail does) show it once.
 */
export function messageIdFor(idempotencyKey: string, domain: string): string {
  const digest = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
  return `<${digest}@${domain}>`;
}
