import type { MarketplaceAccount, MarketplaceAccountView } from '../listing/marketplace-account';

/** The account without its encrypted tokens: what hosts, events and logs see. */
export function toAccountView(account: MarketplaceAccount): MarketplaceAccountView {
  const { encryptedTokens: _omitted, ...view } = account;
  return view;
}
