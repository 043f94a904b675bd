/** @module ninjs schema: the fields of IPTC ninjs 1.x, 2.x and 3.x that Dateline reads, as one lenient zod schema over lower-cased keys. */
import { z } from 'zod';

/** A field that is ignored (undefined) when it has the wrong type, so one odd field never loses an item. */
function lenient<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}

const str = lenient(z.string());
const strOrNum = lenient(z.union([z.string(), z.number()]));
const roleValue = z.looseObject({ role: str, contenttype: str, value: z.string() });
const named = z.looseObject({ name: str, title: str, code: str, literal: str, uri: str, scheme: str, rel: str });
const rendition = z.looseObject({ name: str, href: str, width: strOrNum, height: strOrNum, mimetype: str, contenttype: str });

/** ninjs 1.x uses objects keyed by name where 2.x and 3.x use arrays with a `name`. */
function listOrMap<T extends z.ZodType>(item: T) {
  return lenient(
    z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())]).transform((value) =>
      (Array.isArray(value) ? value : Object.entries(value).map(([name, v]) => (typeof v === 'object' && v !== null ? { name, ...v } : v)))
        .map((v) => item.safeParse(v))
        .flatMap((r) => (r.success ? [r.data as z.output<T>] : [])),
    ),
  );
}

const base = {
  uri: str,
  guid: str,
  source: str,
  type: str,
  version: strOrNum,
  versioncreated: str,
  firstcreated: str,
  contentcreated: str,
  urgency: strOrNum,
  language: str,
  slugline: str,
  located: str,
  byline: str,
  by: str,
  copyrightholder: str,
  headline: str,
  title: str,
  headlines: listOrMap(roleValue),
  body_text: str,
  body_xhtml: str,
  body_html: str,
  bodies: listOrMap(roleValue),
  description_text: str,
  description_xhtml: str,
  descriptions: listOrMap(roleValue),
  subject: listOrMap(named),
  subjects: listOrMap(named),
  genres: listOrMap(named),
  place: listOrMap(named),
  places: listOrMap(named),
  person: listOrMap(named),
  people: listOrMap(named),
  organisation: listOrMap(named),
  organisations: listOrMap(named),
  infosources: listOrMap(named),
  renditions: listOrMap(rendition),
};

export const ninjsAssociationSchema = z.looseObject(base);
/** An item is known by its `uri` (ninjs 1–3) or, in the dialect Superdesk and some agencies send, its `guid`. */
export const ninjsItemSchema = z
  .looseObject({ ...base, associations: listOrMap(ninjsAssociationSchema) })
  .refine((item) => (item.uri ?? item.guid ?? '').trim() !== '');

export type NinjsItem = z.output<typeof ninjsItemSchema>;
export type NinjsAssociation = z.output<typeof ninjsAssociationSchema>;
export type NinjsRendition = z.output<typeof rendition>;
export type NinjsNamed = z.output<typeof named>;

/**
 * Lower-cases every key, recursively: ninjs 3.0 writes `versionCreated` where 2.x wrote `versioncreated`. A value
 * whose keys are all lower-case already (most ninjs 1.x and 2.x) is given back as it is, uncopied.
 */
export function lowerCaseKeys(value: unknown, depth = 0): unknown {
  return hasOnlyLowerCaseKeys(value, depth) ? value : copyWithLowerCaseKeys(value, depth);
}

/** True when copying would change nothing: no key with an upper-case letter, nothing nested deeper than the copy goes. */
function hasOnlyLowerCaseKeys(value: unknown, depth: number): boolean {
  if (depth > 32) return false;
  if (typeof value !== 'object' || value === null) return true;
  if (Array.isArray(value)) return value.every((v) => hasOnlyLowerCaseKeys(v, depth + 1));
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (!isLowerCaseKey(key) || !hasOnlyLowerCaseKeys((value as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}

/** True when lower-casing leaves the key as it is; ASCII keys (nearly all) are read without making a lower-cased copy. */
function isLowerCaseKey(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    if (code >= 0x41 && code <= 0x5a) return false;
    if (code > 0x7f) return key === key.toLowerCase();
  }
  return true;
}

function copyWithLowerCaseKeys(value: unknown, depth: number): unknown {
  if (depth > 32) return null;
  if (Array.isArray(value)) return value.map((v) => copyWithLowerCaseKeys(v, depth + 1));
  if (typeof value !== 'object' || value === null) return value;
  // A plain loop, not fromEntries over mapped pairs: this runs on every key of every item received.
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const lower = key.toLowerCase();
    const field = copyWithLowerCaseKeys((value as Record<string, unknown>)[key], depth + 1);
    // A "__proto__" key from JSON is data, never the object's prototype.
    if (lower === '__proto__') Object.defineProperty(out, lower, { value: field, enumerable: true, writable: true, configurable: true });
    else out[lower] = field;
  }
  return out;
}
