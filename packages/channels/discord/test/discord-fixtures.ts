/** A webhook shaped like a real one; the token is a recognisable secret for leak checks. */
export const webhookId = '1234567890123456789';
export const webhookToken = 'SeCrEt_webhook-token_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ';
export const webhookUrl = `https://discord.com/api/webhooks/${webhookId}/${webhookToken}`;
export const executeUrl = `https://discord.com/api/v10/webhooks/${webhookId}/${webhookToken}`;
export const executePath = '/webhooks/{webhook_id}/{webhook_token}';

/** A 200 execute-webhook answer shaped like the spec's `MessageResponse`. */
export function messageResponse(id: string, payload: Record<string, unknown>) {
  return {
    type: 0,
    id,
    channel_id: '987654321098765432',
    webhook_id: webhookId,
    content: payload.content ?? '',
    embeds: payload.embeds ?? [],
    mentions: [],
    mention_roles: [],
    attachments: [],
    components: [],
    pinned: false,
    mention_everyone: false,
    tts: false,
    timestamp: '2026-11-23T23:59:00.000000+00:00',
    edited_timestamp: null,
    flags: 0,
    author: {
      id: webhookId,
      username: 'Deal Scout',
      avatar: null,
      discriminator: '0000',
      public_flags: 0,
      flags: 0,
      bot: true,
      global_name: null,
    },
  };
}
