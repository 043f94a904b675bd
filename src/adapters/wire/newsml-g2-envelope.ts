/** @module NewsML-G2 envelope check: names the elements and attributes the schema does not allow, so a lenient receiver can warn and go on. */
import { childrenOf, isNode, type XmlNode } from './safe-xml.js';

/** Children the NewsML-G2 2.x schema allows, for the parts of the envelope a receiver walks. */
const KNOWN_CHILDREN: Record<string, ReadonlySet<string>> = {
  newsMessage: new Set(['header', 'itemSet']),
  header: new Set(['sent', 'catalogRef', 'catalog', 'sender', 'transmitId', 'priority', 'origin', 'destination', 'channel', 'timestamp', 'signal']),
  newsItem: new Set(['catalogRef', 'catalog', 'hopHistory', 'pubHistory', 'rightsInfo', 'itemMeta', 'contentMeta', 'partMeta', 'assert', 'inlineRef', 'derivedFrom', 'derivedFromValue', 'contentSet']),
  packageItem: new Set(['catalogRef', 'catalog', 'hopHistory', 'pubHistory', 'rightsInfo', 'itemMeta', 'contentMeta', 'assert', 'inlineRef', 'derivedFrom', 'derivedFromValue', 'groupSet']),
  itemSet: new Set(['newsItem', 'packageItem', 'conceptItem', 'knowledgeItem', 'planningItem', 'catalogItem']),
};
/** Attributes allowed besides namespace declarations and `xsi:schemaLocation`. */
const KNOWN_ATTRIBUTES: Record<string, ReadonlySet<string>> = {
  newsMessage: new Set([]),
  header: new Set([]),
  newsItem: new Set(['guid', 'version', 'standard', 'standardversion', 'conformance', 'lang', 'dir', 'id']),
  packageItem: new Set(['guid', 'version', 'standard', 'standardversion', 'conformance', 'lang', 'dir', 'id']),
};
const ALWAYS_ALLOWED = /^(xmlns.*|schemaLocation|noNamespaceSchemaLocation|xsi|#text|#cdata)$/;

/** Warnings for unknown elements and attributes in a message or item envelope (recursing into header, itemSet, items). */
export function envelopeWarnings(name: string, node: XmlNode): string[] {
  const warnings: string[] = [];
  const children = KNOWN_CHILDREN[name];
  const attributes = KNOWN_ATTRIBUTES[name];
  for (const key of Object.keys(node)) {
    if (ALWAYS_ALLOWED.test(key) || /^@_xmlns/.test(key) || key.startsWith('?')) continue;
    if (key.startsWith('@_')) {
      const attr = key.slice(2);
      if (attributes && !attributes.has(attr) && !ALWAYS_ALLOWED.test(attr)) warnings.push(`NewsML-G2 schema: unknown attribute ${attr}="…" on <${name}>; ignored`);
    } else if (children && !children.has(key)) {
      warnings.push(`NewsML-G2 schema: unknown element <${key}> in <${name}>; ignored`);
    }
  }
  for (const child of ['header', 'itemSet', 'newsItem', 'packageItem']) {
    if (!children?.has(child)) continue;
    for (const inner of childrenOf(node, child)) if (isNode(inner)) warnings.push(...envelopeWarnings(child, inner));
  }
  return warnings;
}
