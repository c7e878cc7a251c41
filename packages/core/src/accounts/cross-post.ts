import { z } from 'zod';
import { DealScoutError } from '../errors/deal-scout-error';
import { ValidationError, type ValidationIssue } from '../errors/validation-error';
import { type ListingDraft, ListingDraftSchema } from '../listing/listing-draft';
import type { MarketplacePublishResultV1 } from '../marketplace/v1/marketplace-publish-v1';
import { toDealScoutError } from '../runtime/call-with-retries';
import type { RuntimeContext } from '../runtime/runtime-context';
import { IdSchema, SlugSchema } from '../shared/ids';
import { parseInput } from '../shared/parse-input';
import type { AccountAccess } from './account-access';
import type { CrossPostRecords } from './cross-post-records';
import type { CrossPostFailure, CrossPostResult, CrossPostTargetResult } from './cross-post-result';
import { resolveSellerTarget, type SellerTarget, withTargetAccess } from './resolve-seller-access';

const TargetsSchema = z
  .array(SlugSchema)
  .min(1, 'name at least one marketplace')
  .max(20)
  .refine((targets) => new Set(targets).size === targets.length, 'must not repeat a marketplace');

const failureOf = (error: unknown, source: string): CrossPostFailure => {
  const wrapped = DealScoutError.isInstance(error) ? error : toDealScoutError(error, source, 'crossPost');
  return { code: wrapped.code, message: wrapped.message, isRetryable: wrapped.isRetryable };
};

/**
 * Cross-posting: validates the draft once for core's schema and for every target's rules before
 * posting anywhere, then for each marketplace uploads images (where supported), maps the category
 * (where supported), publishes through the runtime's marketplace client and records the result.
 */
export function createCrossPoster(options: {
  readonly context: RuntimeContext;
  readonly access: AccountAccess;
  readonly records: CrossPostRecords;
  readonly publishLeaseMs: number;
}) {
  const { context, access, records } = options;

  async function prepare(sellerId: string, draft: ListingDraft, targets: readonly string[]) {
    const issues: ValidationIssue[] = [];
    const resolved = new Map<string, Exclude<SellerTarget, { kind: 'missing' }>>();
    for (const [index, marketplace] of targets.entries()) {
      const adapter = context.marketplaces.get(marketplace);
      if (!adapter) {
        issues.push({
          field: `targets[${index}]`,
          message: `'${marketplace}' is not a composed marketplace`,
        });
        continue;
      }
      if (!adapter.capabilities.publish) {
        issues.push({
          field: `targets[${index}]`,
          message: `${adapter.displayName} cannot publish with this adapter's settings`,
        });
        continue;
      }
      for (const issue of context.marketplace(marketplace).validateDraft(draft)) {
        issues.push({
          field: `${marketplace}.${issue.field}`,
          message: `${adapter.displayName}: ${issue.message}`,
        });
      }
      const target = await resolveSellerTarget(context, sellerId, marketplace);
      if (target.kind === 'missing') issues.push({ field: `targets[${index}]`, message: target.reason });
      else resolved.set(marketplace, target);
    }
    if (issues.length > 0) {
      throw new ValidationError({ issues, subject: 'cross-post', source: 'accounts' });
    }
    return resolved;
  }

  async function postOne(
    sellerId: string,
    draft: ListingDraft,
    marketplace: string,
    target: Exclude<SellerTarget, { kind: 'missing' }>,
  ): Promise<CrossPostTargetResult> {
    const existing = await records.getPublish(sellerId, draft.sku, marketplace);
    const record = existing?.record;
    if (record?.status === 'published' || record?.status === 'withdrawn') {
      return {
        marketplace,
        status: 'already_published',
        externalId: record.externalId as string,
        url: record.url ?? null,
        warnings: record.warnings,
      };
    }
    const now = context.clock.now().getTime();
    if (record?.status === 'in_progress' && Date.parse(record.startedAt) + options.publishLeaseMs > now) {
      return { marketplace, status: 'in_progress' };
    }
    const accountId = target.kind === 'account' ? target.account.id : null;
    // Written before the call: a concurrent or repeated request sees `in_progress` and sends nothing.
    const claimed = await records.setPublish(
      sellerId,
      draft.sku,
      marketplace,
      { status: 'in_progress', startedAt: context.now(), accountId, warnings: [] },
      existing?.version ?? null,
    );
    if (claimed === null) return { marketplace, status: 'in_progress' };
    await records.addMarketplace(sellerId, draft.sku, marketplace);
    const client = context.marketplace(marketplace);
    try {
      const published: MarketplacePublishResultV1 = await withTargetAccess(
        access,
        target,
        async (credentials) => {
          const uploadedImages = client.capabilities.imageUpload
            ? await Promise.all(
                draft.images.map(
                  async (url) => (await client.uploadImage({ image: { url }, access: credentials })).imageRef,
                ),
              )
            : undefined;
          const preset = draft.marketplaceOptions[marketplace]?.categoryId;
          const suggestions =
            typeof preset !== 'string' && client.capabilities.categorySuggestion
              ? await client.suggestCategory({ title: draft.title, category: draft.category })
              : [];
          const marketplaceCategoryId =
            typeof preset === 'string' ? preset : suggestions[0]?.marketplaceCategoryId;
          return client.publish({
            draft,
            access: credentials,
            idempotencyKey: `${sellerId}:${draft.sku}:${marketplace}`,
            ...(marketplaceCategoryId ? { marketplaceCategoryId } : {}),
            ...(uploadedImages ? { uploadedImages } : {}),
          });
        },
      );
      await records.setPublish(
        sellerId,
        draft.sku,
        marketplace,
        {
          status: 'published',
          startedAt: context.now(),
          accountId,
          externalId: published.externalId,
          url: published.url ?? null,
          publishStatus: published.status,
          warnings: [...(published.warnings ?? [])],
        },
        claimed,
      );
      await records.linkListing(marketplace, published.externalId, sellerId, draft.sku);
      return {
        marketplace,
        status: published.status,
        externalId: published.externalId,
        url: published.url ?? null,
        warnings: [...(published.warnings ?? [])],
      };
    } catch (error) {
      const failure = failureOf(error, marketplace);
      await records.setPublish(
        sellerId,
        draft.sku,
        marketplace,
        { status: 'failed', startedAt: context.now(), accountId, warnings: [], error: failure },
        claimed,
      );
      context.logger.warn('cross-post to a marketplace failed', {
        marketplace,
        sku: draft.sku,
        code: failure.code,
      });
      return { marketplace, status: 'failed', error: failure };
    }
  }

  return {
    /**
     * Posts one draft to several marketplaces for a seller. Throws one `ValidationError` (fields
     * named `<marketplace>.<field>` or `targets[i]`) before posting anywhere when the draft breaks
     * core's schema or any target's rules, a target is unknown or cannot publish, or the seller has
     * no usable account there. Otherwise returns a result per marketplace; partial failures are in
     * the results, never thrown. Repeating the call never posts a (seller, SKU) twice to one marketplace.
     */
    async crossPost(
      sellerId: string,
      draftInput: unknown,
      targetsInput: readonly string[],
    ): Promise<CrossPostResult> {
      const seller = parseInput(IdSchema, sellerId, { subject: 'seller id', field: 'sellerId' });
      const draft = parseInput(ListingDraftSchema, draftInput, { subject: 'listing draft' });
      const targets = parseInput(
        z.object({ targets: TargetsSchema }),
        { targets: targetsInput },
        { subject: 'cross-post' },
      ).targets;
      const resolved = await prepare(seller, draft, targets);
      const results = await Promise.all(
        targets.map((marketplace) =>
          postOne(
            seller,
            draft,
            marketplace,
            resolved.get(marketplace) as Exclude<SellerTarget, { kind: 'missing' }>,
          ),
        ),
      );
      context.events.emit('crosspost.completed', { sellerId: seller, sku: draft.sku, results });
      return {
        sellerId: seller,
        sku: draft.sku,
        results,
        succeeded: results.filter((result) => result.status !== 'failed' && result.status !== 'in_progress')
          .length,
        failed: results.filter((result) => result.status === 'failed').length,
      };
    },
  };
}
