import { z } from 'zod';
import { NotFoundError } from '../errors/not-found-error';
import { UnsupportedCapabilityError } from '../errors/unsupported-capability-error';
import type {
  MarketplaceWebhookEventV1,
  WebhookRequestV1,
  WebhookResponseV1,
} from '../marketplace/v1/marketplace-webhooks-v1';
import type { RuntimeContext } from '../runtime/runtime-context';
import { SlugSchema } from '../shared/ids';
import { parseInput } from '../shared/parse-input';
import type { AccountAccess } from './account-access';
import type { createAutoDelister } from './auto-delist';
import { callAdapterOnce } from './call-adapter';

const WebhookRequestSchema = z.object({
  method: z.string().min(1).max(16),
  url: z.url(),
  headers: z.record(z.string(), z.string()),
  body: z.instanceof(Uint8Array),
});

/**
 * Routes a marketplace's webhook request to its adapter, which verifies it before parsing
 * (a forged one throws `AuthenticationError` with code `SIGNATURE_INVALID` and changes nothing),
 * then acts on the events it carried: `account.deleted` deletes the stored accounts of that
 * marketplace account, `account.deauthorized` marks them `revoked`, `listing.sold` withdraws the
 * item's other cross-posted listings, and `listing.changed` re-reads the listing and ingests it.
 */
export function createWebhookHandler(options: {
  readonly context: RuntimeContext;
  readonly access: AccountAccess;
  readonly delister: ReturnType<typeof createAutoDelister>;
}) {
  const { context, access, delister } = options;

  async function act(marketplace: string, event: MarketplaceWebhookEventV1): Promise<void> {
    switch (event.type) {
      case 'account.deleted': {
        for (const account of await context.storage.accounts.findByExternalId(
          marketplace,
          event.externalAccountId,
        )) {
          await context.storage.accounts.delete(account.id);
          context.events.emit('account.disconnected', {
            accountId: account.id,
            userId: account.userId,
            marketplace,
            reason: 'marketplace_deleted',
          });
        }
        return;
      }
      case 'account.deauthorized': {
        for (const account of await context.storage.accounts.findByExternalId(
          marketplace,
          event.externalAccountId,
        )) {
          await access.setStatus(account, 'revoked');
        }
        return;
      }
      case 'listing.sold':
        await delister.handleSold(marketplace, event.externalId);
        return;
      case 'listing.changed': {
        const client = context.marketplace(marketplace);
        if (!client.capabilities.getListing) return;
        const listing = await client.getListing(event.externalId);
        if (listing) await context.ingest([listing]);
        return;
      }
    }
  }

  return {
    async handleWebhook(
      marketplaceId: string,
      request: WebhookRequestV1,
    ): Promise<{
      readonly response: WebhookResponseV1;
      readonly events: readonly MarketplaceWebhookEventV1[];
    }> {
      const marketplace = parseInput(SlugSchema, marketplaceId, {
        subject: 'marketplace id',
        field: 'marketplaceId',
      });
      const parsed = parseInput(WebhookRequestSchema, request, { subject: 'webhook request' });
      const adapter = context.marketplaces.get(marketplace);
      if (!adapter) throw new NotFoundError({ resource: 'marketplace', id: marketplace });
      const webhooks = adapter.webhooks;
      if (!adapter.capabilities.webhooks || !webhooks) {
        throw new UnsupportedCapabilityError({ capability: 'webhooks', source: marketplace });
      }
      const headers = Object.fromEntries(
        Object.entries(parsed.headers).map(([name, value]) => [name.toLowerCase(), value]),
      );
      const result = await callAdapterOnce(marketplace, 'handleWebhook', () =>
        webhooks.doHandle({ ...parsed, headers }),
      );
      // The marketplace is answered whatever our reactions do; a failing reaction is reported.
      for (const event of result.events) {
        try {
          await act(marketplace, event);
        } catch (error) {
          context.reportError(`webhook.${marketplace}.${event.type}`, error);
        }
      }
      return result;
    },
  };
}
