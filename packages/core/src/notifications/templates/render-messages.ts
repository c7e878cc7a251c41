import { ConfigurationError } from '../../errors/configuration-error';
import type { ChannelKind } from '../channel-kind';
import type { OutboxMessage } from '../outbox/outbox-payload';
import type { DealView } from './deal-view';
import { renderDealAlertDiscord, renderDigestDiscord } from './discord-templates';
import { renderDealAlertEmail, renderDigestEmail } from './email-templates';
import { renderDealAlertPush, renderDigestPush } from './push-templates';
import { renderDealAlertSms, renderDigestSms } from './sms-templates';
import type { TemplateSettings } from './template-settings';
import type { UnsubscribeTarget } from './unsubscribe-headers';

function unsubscribeUrl(settings: TemplateSettings, target: UnsubscribeTarget): string {
  if (!settings.unsubscribeUrl) {
    throw new ConfigurationError({
      source: 'notifications',
      message: 'email needs settings.unsubscribeUrl to build one-click unsubscribe links (RFC 8058)',
    });
  }
  return settings.unsubscribeUrl(target);
}

/** Renders a one-deal alert for a channel. Throws `ConfigurationError` for email without `unsubscribeUrl`. */
export function renderAlertMessage(
  channel: ChannelKind,
  deal: DealView,
  userId: string,
  settings: TemplateSettings,
): OutboxMessage {
  const app = { appName: settings.appName };
  switch (channel) {
    case 'sms':
      return { text: renderDealAlertSms(deal, app) };
    case 'discord': {
      const discord = renderDealAlertDiscord(deal, app);
      return { text: discord.content ?? deal.title, discord };
    }
    case 'push': {
      const push = renderDealAlertPush(deal);
      return { subject: push.title, text: push.body, push };
    }
    case 'email': {
      const email = renderDealAlertEmail(deal, {
        appName: settings.appName,
        unsubscribeUrl: unsubscribeUrl(settings, { userId, channel: 'email', list: 'deal_alerts' }),
        preferencesUrl: settings.preferencesUrl,
      });
      return { subject: email.subject, text: email.text, html: email.html, headers: email.headers };
    }
  }
}

/** Renders a digest for a channel; `deals` best first. */
export function renderDigestMessage(
  channel: ChannelKind,
  deals: readonly DealView[],
  context: {
    readonly userId: string;
    readonly period: string;
    readonly periodLabel: string;
    readonly totalDeals: number;
  },
  settings: TemplateSettings,
): OutboxMessage {
  const common = {
    appName: settings.appName,
    periodLabel: context.periodLabel,
    totalDeals: context.totalDeals,
  };
  switch (channel) {
    case 'sms':
      return { text: renderDigestSms(deals, common) };
    case 'discord': {
      const discord = renderDigestDiscord(deals, common);
      return { text: discord.content ?? common.periodLabel, discord };
    }
    case 'push': {
      const push = renderDigestPush(deals, { ...common, period: context.period });
      return { subject: push.title, text: push.body, push };
    }
    case 'email': {
      const email = renderDigestEmail(deals, {
        ...common,
        unsubscribeUrl: unsubscribeUrl(settings, {
          userId: context.userId,
          channel: 'email',
          list: 'digest',
        }),
        preferencesUrl: settings.preferencesUrl,
        maxDeals: settings.maxDigestDeals,
      });
      return { subject: email.subject, text: email.text, html: email.html, headers: email.headers };
    }
  }
}
