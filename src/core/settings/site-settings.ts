/** @module Site settings an admin changes in the newsroom (over the environment's defaults), and how they are checked. */
export const EDITABLE_SETTINGS = ['siteName', 'siteDescription'] as const;
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
  return issues;
}
