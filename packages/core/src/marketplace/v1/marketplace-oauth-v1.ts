/** Tokens a marketplace issued. Stored encrypted; never logged. */
export type MarketplaceTokenSetV1 = {
  readonly accessToken: string;
  /** Absolute expiry of the access token, or `null` when it does not expire or is unknown. */
  readonly accessTokenExpiresAt: string | null;
  /** Absent where the marketplace has no refresh tokens (Facebook). */
  readonly refreshToken?: string;
  readonly refreshTokenExpiresAt?: string | null;
  readonly scopes: readonly string[];
  /** The account's id on the marketplace. */
  readonly externalAccountId: string;
  readonly displayName?: string;
  readonly marketplaceData?: Readonly<Record<string, string | number | boolean>>;
};

/**
 * Account connection. The runtime owns `state` (and PKCE verifiers), token encryption and
 * storage; adapters only build URLs and talk to the token endpoint.
 */
export type MarketplaceOAuthV1 = {
  /** Builds the consent URL the user is sent to. */
  createAuthorizationUrl(options: {
    readonly state: string;
    readonly redirectUri: string;
    /** S256 PKCE challenge, when `supportsPkce`. */
    readonly codeChallenge?: string;
    readonly scopes?: readonly string[];
  }): string | PromiseLike<string>;
  /** Whether the marketplace accepts PKCE. */
  readonly supportsPkce: boolean;
  /** Exchanges the callback's code for tokens. */
  doExchangeCode(options: {
    readonly code: string;
    readonly redirectUri: string;
    readonly codeVerifier?: string;
    readonly signal?: AbortSignal;
  }): PromiseLike<MarketplaceTokenSetV1>;
  /**
   * Renews tokens before they expire. Absent where the marketplace has none; the runtime then
   * marks the account `reauthentication_required` at expiry.
   */
  doRefresh?(options: {
    readonly tokens: MarketplaceTokenSetV1;
    readonly signal?: AbortSignal;
  }): PromiseLike<MarketplaceTokenSetV1>;
};
