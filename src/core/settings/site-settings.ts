/** @module Site settings an admin changes in the newsroom (over the environment's defaults), and how they are checked. */
/** `shareImage` and `publisherLogo` hold the chosen library photo as JSON (adapters/http/site/site-images.ts), '' for the generated default. */
export const EDITABLE_SETTINGS = ['siteName', 'siteDescription', 'feedFullText', 'shareImage', 'publisherLogo'] as const;
export type EditableSetting = (typeof EDITABLE_SETTINGS)[number];
export type EditableSettings = Record<EditableSetting, string>;

export interface SettingsStore {
  /** Stored overrides only; a key not stored keeps the environment's value. */
  load(): Promise<Partial<EditableSettings>>;
  save(values: EditableSettings, at: Date): Promise<void>;
}

export function settingsIssues(values: EditableSettings): { path: EditableSetting; message: string }[] {
  const issues: { path: EditableSetting; message: string }[] = [];
  if (!values.siteName.trim()) issues.push({ path: 'siteName', message: 'The site needs a name.' });
  if (values.siteName.length > 80) issues.push({ path: 'siteName', message: 'The site name can have at most 80 characters.' });
  if (values.siteDescription.length > 300) issues.push({ path: 'siteDescription', message: 'The description can have at most 300 characters.' });
  if (values.feedFullText !== 'on' && values.feedFullText !== 'off') issues.push({ path: 'feedFullText', message: 'Full text in feeds is either on or off.' });
  return issues;
}

/** Feeds carry each story's full text unless an admin turned it off ('off'); on by default. */
export function isFeedFullText(settings: { feedFullText?: string }): boolean {
  return settings.feedFullText !== 'off';
}
