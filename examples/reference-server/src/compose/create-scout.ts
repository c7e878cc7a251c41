import { mkdir } from 'node:fs/promises';
import {
  type ChannelKind,
  createDealScout,
  createReplayMarketplace,
  type DealScout,
  type MarketplaceAdapterV1,
  type NotificationChannelV1,
  type StorageV1,
} from '@deal-scout/core';
import { createDiscordChannel } from '@deal-scout/discord';
import { createEbayMarketplace, ebaySettingsFromEnv } from '@deal-scout/ebay';
import { createEmailChannel } from '@deal-scout/email';
import { createFacebookMarketplace } from '@deal-scout/facebook';
import { createPgliteStorage, createPgStorage } from '@deal-scout/pg';
import { loadProvidenceListings, loadVehicleListings, sharedDataAvailable } from '@deal-scout/testkit';
import { createTwilioChannel } from '@deal-scout/twilio';
import { createWebPushChannel } from '@deal-scout/web-push';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Env } from './env';
import { createLoggingChannel } from './logging-channel';

/** What the server composed, with what it must close on shutdown. */
export type ComposedScout = {
  readonly scout: DealScout;
  readonly storage: StorageV1;
  /** Which implementation backs each part, for the start-up log. */
  readonly parts: Record<string, string>;
  close(): Promise<void>;
};

async function composeStorage(
  env: Env,
): Promise<{ storage: StorageV1; name: string; close: () => Promise<void> }> {
  if (env.DATABASE_URL) {
    const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 10 });
    pool.on('error', () => {}); // idle-connection drops surface as retryable StorageErrors on the next query
    const storage = createPgStorage({ client: pool, schema: env.DATABASE_SCHEMA, autoMigrate: true });
    return {
      storage,
      name: 'postgres',
      close: async () => {
        await storage.close?.();
        await pool.end();
      },
    };
  }
  await mkdir(env.DATA_DIR, { recursive: true });
  const storage = createPgliteStorage({ dataDir: env.DATA_DIR });
  return { storage, name: `pglite (${env.DATA_DIR})`, close: async () => storage.close?.() };
}

/** The replay marketplace serving the real Craigslist listings, when ../shared is present. */
async function replayMarketplace(): Promise<MarketplaceAdapterV1[]> {
  if (!sharedDataAvailable()) return [];
  const listings = [...(await loadProvidenceListings()), ...(await loadVehicleListings())];
  return [createReplayMarketplace({ marketplaceId: 'craigslist', listings })];
}

/**
 * A real provider for each channel whose credentials are set (each package reads its own
 * variables), and a channel that records and logs for the others.
 */
function composeChannels(env: Env, logger: Logger): NotificationChannelV1[] {
  const vars = stringVariables(env);
  const real: Partial<Record<ChannelKind, () => NotificationChannelV1>> = {
    ...(env.TWILIO_ACCOUNT_SID ? { sms: () => createTwilioChannel({ env: vars }) } : {}),
    ...(env.SMTP_URL ? { email: () => createEmailChannel({ env: vars }) } : {}),
    ...(env.VAPID_PRIVATE_KEY ? { push: () => createWebPushChannel({ env: vars }) } : {}),
    ...(env.DISCORD_ENABLED === 'true' ? { discord: () => createDiscordChannel() } : {}),
  };
  return (['email', 'sms', 'discord', 'push'] as ChannelKind[]).map(
    (kind) => real[kind]?.() ?? createLoggingChannel(kind, logger),
  );
}

/**
 * The validated environment as the string variables adapter packages read themselves (each reads
 * its own names), so a programmatic `env` is honoured rather than `process.env`.
 */
function stringVariables(env: Env): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(env).map(([key, value]) => [key, value === undefined ? undefined : String(value)]),
  );
}

/** eBay and Facebook, when their credentials are set (validated by `EnvSchema` first). */
function officialMarketplaces(env: Env): MarketplaceAdapterV1[] {
  const adapters: MarketplaceAdapterV1[] = [];
  if (env.EBAY_CLIENT_ID)
    adapters.push(
      createEbayMarketplace(ebaySettingsFromEnv(stringVariables(env), { environment: env.EBAY_ENVIRONMENT })),
    );
  if (env.FACEBOOK_APP_ID && env.FACEBOOK_APP_SECRET) {
    adapters.push(
      createFacebookMarketplace({
        appId: env.FACEBOOK_APP_ID,
        appSecret: env.FACEBOOK_APP_SECRET,
        ...(env.FACEBOOK_VERIFY_TOKEN ? { webhookVerifyToken: env.FACEBOOK_VERIFY_TOKEN } : {}),
        ...(env.FACEBOOK_CATALOG_ID ? { catalogId: env.FACEBOOK_CATALOG_ID } : {}),
      }),
    );
  }
  return adapters;
}

/**
 * Composes the SDK from the environment: embedded defaults unless a variable switches a part to
 * the real one.
 */
export async function composeScout(
  env: Env,
  logger: Logger,
  options: {
    unsubscribeUrl: (target: { userId: string; list: 'deal_alerts' | 'digest' }) => string;
    /** Base64 32-byte key that encrypts marketplace tokens at rest. */
    tokenEncryptionKey: string;
  },
): Promise<ComposedScout> {
  const { storage, name: storageName, close: closeStorage } = await composeStorage(env);
  const marketplaces = [...(await replayMarketplace()), ...officialMarketplaces(env)];
  const channels = composeChannels(env, logger);
  const scout = createDealScout({
    storage,
    marketplaces,
    channels,
    marketplaceAccounts: {
      tokenEncryption: { keys: { k1: options.tokenEncryptionKey }, currentKeyId: 'k1' },
    },
    notifications: {
      unsubscribeUrl: ({ userId, list }) => options.unsubscribeUrl({ userId, list }),
      preferencesUrl: `${env.PUBLIC_BASE_URL}/docs`,
    },
    logger: {
      debug: (message, fields) => logger.debug(fields ?? {}, message),
      info: (message, fields) => logger.info(fields ?? {}, message),
      warn: (message, fields) => logger.warn(fields ?? {}, message),
      error: (message, fields) => logger.error(fields ?? {}, message),
    },
  });
  return {
    scout,
    storage,
    parts: {
      storage: storageName,
      search: 'in-memory',
      jobs: 'in-process',
      marketplaces: marketplaces.map((m) => m.marketplaceId).join(', ') || 'none',
      channels: channels.map((c) => `${c.channel}:${c.providerId}`).join(', '),
    },
    async close() {
      await scout.close();
      await closeStorage();
    },
  };
}
