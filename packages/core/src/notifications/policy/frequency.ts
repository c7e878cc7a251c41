import type { NotificationFrequency } from '../notification-preferences';

/**
 * Rule: frequency. `immediate` users get each alert now (subject to quiet hours and the cap);
 * `daily_digest` and `weekly_digest` users get alerts collected into their next digest.
 */
export function deliveryRoute(frequency: NotificationFrequency): 'immediate' | 'digest' {
  return frequency === 'immediate' ? 'immediate' : 'digest';
}
