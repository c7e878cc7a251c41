import type { DealView } from './deal-view';
import { type EmailContent, renderEmailHtml } from './email-html';
import { renderEmailText } from './email-text';
import { unsubscribeHeaders } from './unsubscribe-headers';

/** Gmail clips HTML above ~102 KB (hiding the unsubscribe footer); stay under 100 KB. */
export const maxEmailHtmlBytes = 100 * 1024;

/** A rendered email. */
export type RenderedEmail = {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  readonly headers: Readonly<Record<string, string>>;
};

/** Settings shared by the email templates. */
export type EmailTemplateOptions = {
  readonly appName: string;
  /** The host's one-click unsubscribe URL for this user and list (https). */
  readonly unsubscribeUrl: string;
  /** Where users manage their notification settings, if the host has such a page. */
  readonly preferencesUrl?: string | null;
  /** Most deal cards shown (default 20); the rest are counted. */
  readonly maxDeals?: number;
};

const byScore = (a: DealView, b: DealView) => (b.dealScore ?? -1) - (a.dealScore ?? -1);
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

function render(
  subject: string,
  base: Omit<EmailContent, 'deals' | 'recommendations' | 'moreCount'>,
  deals: readonly DealView[],
  recommendationCount: number,
  maxDeals: number,
): RenderedEmail {
  const sorted = [...deals].sort(byScore);
  let shown = Math.min(sorted.length, maxDeals);
  for (;;) {
    const recommendations = sorted.slice(0, Math.min(recommendationCount, shown));
    const rest = sorted.slice(recommendations.length, shown);
    const content: EmailContent = { ...base, recommendations, deals: rest, moreCount: sorted.length - shown };
    const html = renderEmailHtml(content);
    // Long hostile titles can inflate cards; drop cards until the HTML fits, never the footer.
    if (bytes(html) <= maxEmailHtmlBytes || shown <= 1) {
      return {
        subject,
        html,
        text: renderEmailText(content),
        headers: unsubscribeHeaders(base.unsubscribeUrl),
      };
    }
    shown = Math.max(1, Math.floor(shown * 0.75));
  }
}

/**
 * A digest email: up to three top recommendations (best deal scores), then the other deal cards,
 * price trends, and the one-click unsubscribe footer; a plain-text part; HTML under 100 KB.
 */
export function renderDigestEmail(
  deals: readonly DealView[],
  options: EmailTemplateOptions & { readonly periodLabel: string; readonly totalDeals?: number },
): RenderedEmail {
  const total = Math.max(options.totalDeals ?? deals.length, deals.length);
  const subject = `${options.appName}: ${total} new deal${total === 1 ? '' : 's'} in your ${options.periodLabel}`;
  return render(
    subject,
    {
      appName: options.appName,
      heading: `Your ${options.periodLabel}`,
      intro: `${total} listing${total === 1 ? '' : 's'} matched your deal alerts.`,
      unsubscribeUrl: options.unsubscribeUrl,
      preferencesUrl: options.preferencesUrl ?? null,
    },
    deals,
    3,
    options.maxDeals ?? 20,
  );
}

/** A single-deal alert email, with the same card and footer as the digest. */
export function renderDealAlertEmail(deal: DealView, options: EmailTemplateOptions): RenderedEmail {
  return render(
    `${options.appName}: ${deal.title.slice(0, 120)}`,
    {
      appName: options.appName,
      heading: 'New deal',
      intro: `A listing matched your alert "${deal.ruleName}".`,
      unsubscribeUrl: options.unsubscribeUrl,
      preferencesUrl: options.preferencesUrl ?? null,
    },
    [deal],
    1,
    1,
  );
}
