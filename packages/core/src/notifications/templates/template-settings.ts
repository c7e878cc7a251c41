import type { UnsubscribeUrlBuilder } from './unsubscribe-headers';

/** What the templates need from the host. */
export type TemplateSettings = {
  /** Shown as the sender in every message (default `Deal Scout`). */
  readonly appName: string;
  /** Builds one-click unsubscribe URLs for emails; required when an email channel is composed. */
  readonly unsubscribeUrl: UnsubscribeUrlBuilder | null;
  /** Where users manage their notification settings (linked in emails), if anywhere. */
  readonly preferencesUrl: string | null;
  /** Most deal cards in an email digest (default 20). */
  readonly maxDigestDeals: number;
};
