/** A failure as results and events carry it: code and message, never a token or the cause. */
export type CrossPostFailure = {
  readonly code: string;
  readonly message: string;
  readonly isRetryable: boolean;
};

/**
 * What a cross-post did on one marketplace:
 * - `published` / `pending`: posted now (`pending` while the marketplace processes it);
 * - `already_published`: an earlier request with the same seller and SKU posted it; nothing was sent;
 * - `in_progress`: another request for the same seller and SKU is posting it right now; nothing was sent;
 * - `failed`: the marketplace or the account refused; `error` says why and whether a retry may work.
 */
export type CrossPostTargetResult =
  | {
      readonly marketplace: string;
      readonly status: 'published' | 'pending' | 'already_published';
      readonly externalId: string;
      readonly url: string | null;
      readonly warnings: readonly string[];
    }
  | { readonly marketplace: string; readonly status: 'in_progress' }
  | { readonly marketplace: string; readonly status: 'failed'; readonly error: CrossPostFailure };

/** The outcome of one `crossPost` call. */
export type CrossPostResult = {
  readonly sellerId: string;
  readonly sku: string;
  readonly results: readonly CrossPostTargetResult[];
  /** Targets now live (published, pending or already published). */
  readonly succeeded: number;
  readonly failed: number;
};

/**
 * What auto-delist did with one other listing of a sold item: `withdrawn`, `already_withdrawn`,
 * `unsupported` (the adapter cannot withdraw; the seller must end it by hand) or `failed`.
 */
export type AutoDelistResult =
  | {
      readonly marketplace: string;
      readonly externalId: string;
      readonly status: 'withdrawn' | 'already_withdrawn' | 'unsupported';
    }
  | {
      readonly marketplace: string;
      readonly externalId: string;
      readonly status: 'failed';
      readonly error: CrossPostFailure;
    };
