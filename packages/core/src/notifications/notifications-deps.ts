import type { RuntimeContext } from '../runtime/runtime-context';
import type { ResolvedNotificationsSettings } from './notifications-settings';
import type { PreferencesStore } from './preferences/preferences-store';
import type { TemplateSettings } from './templates/template-settings';

/** What the parts of the notifications service share. */
export type NotificationsDeps = {
  readonly context: RuntimeContext;
  readonly settings: ResolvedNotificationsSettings;
  readonly preferences: PreferencesStore;
  readonly templates: TemplateSettings;
};
