/** An incoming HTTP request, framework-neutral; `body` is the raw bytes, untouched. */
export type WebhookRequestV1 = {
  readonly method: string;
  readonly url: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
};

/** What the host must answer to the marketplace. */
export type WebhookResponseV1 = {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
};

/** A verified event from a marketplace. */
export type MarketplaceWebhookEventV1 =
  | {
      readonly type: 'account.deleted';
      readonly externalAccountId: string;
      readonly externalUserName?: string;
    }
  | { readonly type: 'listing.changed'; readonly externalId: string }
  | { readonly type: 'listing.sold'; readonly externalId: string }
  | { readonly type: 'account.deauthorized'; readonly externalAccountId: string };

/**
 * Webhook handling. `doHandle` verifies the request (throwing `AuthenticationError` with code
 * `SIGNATURE_INVALID` on a forged one, before anything is parsed) and returns the response to send
 * plus the events it carried. Challenge requests (eBay, Facebook `hub.challenge`) return a response
 * and no events.
 */
export type MarketplaceWebhooksV1 = {
  doHandle(
    request: WebhookRequestV1,
    options?: { readonly signal?: AbortSignal },
  ): PromiseLike<{
    readonly response: WebhookResponseV1;
    readonly events: readonly MarketplaceWebhookEventV1[];
  }>;
};
