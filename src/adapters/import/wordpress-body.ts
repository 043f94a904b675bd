/**
 * @module A WordPress post's content as Dateline body blocks. Gutenberg content (block comments around HTML) and
 * classic content (HTML with blank lines for paragraphs, shortcodes) go through the wire's sanitiser and
 * HTML-to-blocks conversion (wire-html-blocks.ts); embeds become links, nothing of the embedded site is fetched.
 */
import type { BodyBlock } from '../../core/articles/article.js';
import { isBodyImageUrl } from '../../core/articles/body-image-url.js';
import { htmlToBodyBlocks } from '../wire/wire-html-blocks.js';

/** `<!-- wp:embed {…} -->…<!-- /wp:embed -->` and the older `core-embed/youtube` names. */
const EMBED_BLOCK = /<!--\s*wp:(?:core-embed\/[\w-]+|embed)\s+(\{[\s\S]*?\})\s*(?:\/)?-->(?:([\s\S]*?)<!--\s*\/wp:(?:core-embed\/[\w-]+|embed)\s*-->)?/g;
/** Classic shortcodes: `[caption …]<img …> Text[/caption]`, `[embed]URL[/embed]`; any other pair or lone shortcode is dropped. */
const CAPTION = /\[caption[^\]]*\]([\s\S]*?)\[\/caption\]/g;
const EMBED_SHORTCODE = /\[embed[^\]]*\]\s*(https?:\/\/[^\s[]+)\s*\[\/embed\]/g;
const OTHER_SHORTCODE = /\[\/?(?:gallery|audio|video|playlist|wp_caption|contact-form[\w-]*|[a-z_]+_shortcode)[^\]]*\]/g;
/** A URL alone on its line in classic content is an oEmbed ("auto-embed"). */
const LONE_URL = /^[ \t]*(https?:\/\/[^\s<>"]+)[ \t]*$/gm;
/** A part that is one image, perhaps linked to its full size: a photo, not a paragraph. */
const LONE_IMAGE = /^(?:<a\s[^>]*>)?\s*<img\s[^>]*>\s*(?:<\/a>)?$/i;
const BLOCK_START = /^<(?:h[1-6]|ul|ol|blockquote|figure|div|table|pre|p|hr|section|!--)[\s>/]/i;

/** A quote with its `<cite>` (Gutenberg quote and pull quote blocks): the citation kept apart from the words. */
const QUOTE = /<blockquote[^>]*>([\s\S]*?)<\/blockquote>/gi;
const CITE = /<cite[^>]*>([\s\S]*?)<\/cite>/i;

type Segment = { html: string } | { embed: string; title: string | null } | { quote: string; cite: string | null };

/** Splits content at its embeds (Gutenberg blocks, `[embed]` shortcodes and lone URLs in classic content). */
function segmentsOf(content: string, gutenberg: boolean): Segment[] {
  const segments: Segment[] = [];
  let rest = content;
  if (!gutenberg) {
    rest = rest
      .replace(CAPTION, (_m, inner: string) => {
        const caption = inner.replace(/<img[^>]*>/i, '').replace(/<\/?a[^>]*>/gi, '').trim();
        const img = /<img[^>]*>/i.exec(inner)?.[0] ?? '';
        return `\n\n<figure>${img}<figcaption>${caption}</figcaption></figure>\n\n`;
      })
      .replace(EMBED_SHORTCODE, (_m, url: string) => `\n\n<!--embed ${encodeURI(url)}-->\n\n`)
      .replace(LONE_URL, (_m, url: string) => `\n\n<!--embed ${encodeURI(url)}-->\n\n`)
      .replace(OTHER_SHORTCODE, '');
    rest = classicParagraphs(rest);
  } else {
    rest = rest.replace(EMBED_BLOCK, (_m, json: string) => {
      const url = embedUrlOf(json);
      return url ? `<!--embed ${encodeURI(url)}-->` : '';
    });
  }
  const quotes: { quote: string; cite: string | null }[] = [];
  rest = rest.replace(QUOTE, (_m, inner: string) => {
    const cite = CITE.exec(inner)?.[1];
    const words = htmlToBodyBlocks(inner.replace(CITE, '')).blocks.map((b) => ('text' in b ? b.text : '')).filter(Boolean).join(' ');
    const citeText = cite === undefined ? '' : htmlToBodyBlocks(cite).blocks.map((b) => ('text' in b ? b.text : '')).join(' ');
    quotes.push({ quote: words, cite: citeText || null });
    return `<!--quote ${quotes.length - 1}-->`;
  });
  const marker = /<!--(embed|quote) (\S+)-->/g;
  let at = 0;
  for (let m = marker.exec(rest); m; m = marker.exec(rest)) {
    segments.push({ html: rest.slice(at, m.index) });
    segments.push(m[1] === 'embed' ? { embed: decodeURI(m[2]!), title: null } : quotes[Number(m[2])] ?? { html: '' });
    at = m.index + m[0].length;
  }
  segments.push({ html: rest.slice(at) });
  return segments;
}

function embedUrlOf(json: string): string | null {
  try {
    const attrs = JSON.parse(json) as { url?: unknown };
    return typeof attrs.url === 'string' && isBodyImageUrl(attrs.url) ? attrs.url : null;
  } catch {
    return null;
  }
}

/** WordPress's wpautop in short: blank lines part paragraphs; a part that is already a block element stays as it is. */
function classicParagraphs(content: string): string {
  return content
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => (LONE_IMAGE.test(part) ? `<figure>${/<img[^>]*>/i.exec(part)?.[0] ?? ''}</figure>` : BLOCK_START.test(part) ? part : `<p>${part.replace(/\n/g, '<br>')}</p>`))
    .join('\n');
}

/** The body blocks of a post's `content:encoded`, and the warnings of its conversion. */
export function wordpressBody(content: string): { blocks: BodyBlock[]; warnings: string[] } {
  const gutenberg = content.includes('<!-- wp:');
  const blocks: BodyBlock[] = [];
  const warnings = new Set<string>();
  for (const segment of segmentsOf(content, gutenberg)) {
    if ('embed' in segment) {
      blocks.push({ type: 'embed', url: segment.embed, title: segment.title });
      continue;
    }
    if ('quote' in segment) {
      if (segment.quote) blocks.push({ type: 'quote', text: segment.quote, cite: segment.cite });
      continue;
    }
    if (segment.html.trim() === '') continue;
    const body = htmlToBodyBlocks(segment.html);
    blocks.push(...body.blocks);
    for (const w of body.warnings) warnings.add(w);
  }
  return { blocks, warnings: [...warnings] };
}
