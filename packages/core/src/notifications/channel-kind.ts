import { z } from 'zod';

/** The kinds of channel a user can choose, as the roadmap names them. */
export const ChannelKindSchema = z.enum(['email', 'push', 'sms', 'discord']);
export type ChannelKind = z.infer<typeof ChannelKindSchema>;
