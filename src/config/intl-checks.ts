/** @module What this runtime's Intl accepts as a locale and a time zone: the checks the editions admin validates with. */

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function isLocale(tag: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false;
  }
}

export const INTL_CHECKS = { isLocale, isTimeZone } as const;
