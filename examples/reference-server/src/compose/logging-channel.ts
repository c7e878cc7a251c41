import {
  type ChannelKind,
  createRecordingChannel,
  type NotificationChannelV1,
  type RecordingChannel,
} from '@deal-scout/core';
import type { Logger } from 'pino';

/**
 * The embedded default for a channel: it records every notification (so tests and the admin can
 * see what would have been sent) and logs it, instead of calling a provider.
 */
export function createLoggingChannel(channel: ChannelKind, logger: Logger): RecordingChannel {
  const recording = createRecordingChannel({ channel, providerId: 'log' });
  const doSend: NotificationChannelV1['doSend'] = async (message, options) => {
    const result = await recording.doSend(message, options);
    logger.info(
      { channel, subject: message.subject, text: message.text, providerMessageId: result.providerMessageId },
      'notification (recorded, not sent)',
    );
    return result;
  };
  return Object.assign(Object.create(recording) as RecordingChannel, { doSend });
}
