import { parseInput, ValidationError } from '@deal-scout/core';
import { z } from 'zod';

/**
 * Largest plaintext one push message can carry: aes128gcm pads records to 4096 octets, which
 * leaves 3993 bytes after the header and padding delimiter (RFC 8291).
 */
export const maxPushPayloadBytes = 3993;

const PushFieldsSchema = z
  .object({
    url: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .optional(),
    icon: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .optional(),
    image: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .optional(),
    badge: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .optional(),
    tag: z.string().max(200).optional(),
  })
  // Other fields (`data`, `actions`, `renotify`) go to the service worker as they are.
  .catchall(z.unknown());

const PushMessageSchema = z.object({
  subject: z.string().max(200).optional(),
  text: z.string().min(1).max(3000),
  push: PushFieldsSchema.optional(),
});

/**
 * The JSON the service worker receives: `title` from the subject, `body` from the text, and every
 * `message.push` field (`url`, `icon`, `tag`…).
 * @throws ValidationError when fields are malformed or the JSON exceeds {@link maxPushPayloadBytes}.
 */
export function buildPushPayload(message: unknown): string {
  const parsed = parseInput(PushMessageSchema, message, { subject: 'push message', source: 'web-push' });
  const payload = JSON.stringify({
    ...(parsed.subject === undefined ? {} : { title: parsed.subject }),
    body: parsed.text,
    ...parsed.push,
  });
  const bytes = Buffer.byteLength(payload);
  if (bytes > maxPushPayloadBytes) {
    throw new ValidationError({
      issues: [
        {
          field: 'push',
          message: `payload is ${bytes} bytes; at most ${maxPushPayloadBytes} fit one push message`,
        },
      ],
      subject: 'push message',
      source: 'web-push',
    });
  }
  return payload;
}
