/** @module The editor's own nodes: a library photo with caption, an embed shown as a link, read-only legacy HTML, quote attribution. */
import { Extension, Node, type Editor } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { BODY_IMAGE_URL_RULE, isBodyImageUrl } from '../../../../core/articles/body-image-url.js';
import { isWebUrl } from './newsroom-urls.js';

/** `<blockquote cite>`: the body model's quote attribution survives editing. */
export const QuoteCite = Extension.create({
  name: 'quoteCite',
  addGlobalAttributes() {
    return [{ types: ['blockquote'], attributes: { cite: { default: null, parseHTML: (el) => el.getAttribute('cite'), renderHTML: (attrs) => (attrs['cite'] ? { cite: attrs['cite'] } : {}) } } }];
  },
});

const hidden = { rendered: false } as const;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function textInput(label: string, value: string, onInput: (value: string) => void): HTMLLabelElement {
  const wrap = element('label', 'figure-field');
  const input = element('input', 'figure-input');
  input.type = 'text';
  input.value = value;
  input.addEventListener('input', () => onInput(input.value));
  wrap.append(element('span', 'figure-field-label', label), input);
  return wrap;
}

/** Writes one attribute of the node at `getPos()`; the node view stays, so the input keeps focus. */
function attributeSetter(editor: Editor, getPos: () => number | undefined, name: string) {
  return (value: string) => {
    const pos = getPos();
    if (pos === undefined) return;
    editor.commands.command(({ tr }) => {
      tr.setNodeAttribute(pos, name, value);
      return true;
    });
  };
}

/** A photo from the media library. Caption and alt text are edited in place; nothing else is. */
export const BodyImage = Node.create({
  name: 'image',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return { mediaId: { default: null, ...hidden }, src: { default: '', ...hidden }, alt: { default: '', ...hidden }, caption: { default: '', ...hidden }, credit: { default: null, ...hidden }, width: { default: null, ...hidden }, height: { default: null, ...hidden } };
  },
  parseHTML() {
    return [{
      tag: 'figure[data-body-image]',
      getAttrs: (el) => {
        const img = el.querySelector('img');
        const size = (v: string | null | undefined) => (v && /^\d+$/.test(v) ? Number(v) : null);
        return { mediaId: el.getAttribute('data-media-id'), src: img?.getAttribute('src') ?? '', alt: img?.getAttribute('alt') ?? '', caption: el.getAttribute('data-caption') ?? '', credit: el.getAttribute('data-credit'), width: size(img?.getAttribute('width')), height: size(img?.getAttribute('height')) };
      },
    }];
  },
  renderHTML({ node }) {
    const a = node.attrs;
    const figure: Record<string, string> = { class: 'body-image', 'data-body-image': '', 'data-caption': a['caption'] ?? '' };
    if (a['mediaId']) figure['data-media-id'] = a['mediaId'];
    if (a['credit']) figure['data-credit'] = a['credit'];
    // A refused address (javascript:, data:, //host …) never reaches an <img src>; saving names the block to fix.
    const img: Record<string, string> = isBodyImageUrl(a['src'] ?? '') ? { src: a['src'], alt: a['alt'] ?? '' } : { alt: a['alt'] ?? '', 'data-refused-src': '' };
    if (a['width']) img['width'] = String(a['width']);
    if (a['height']) img['height'] = String(a['height']);
    return ['figure', figure, ['img', img], ['figcaption', {}, a['caption'] ?? '']];
  },
  addNodeView() {
    return ({ node, editor, getPos }) => {
      const dom = element('figure', 'body-image');
      dom.contentEditable = 'false';
      const img = element('img', 'body-image-img');
      const caption = element('figcaption', 'body-image-caption');
      const credit = element('span', 'body-image-credit');
      const refused = element('p', 'body-image-refused');
      refused.setAttribute('role', 'alert');
      let current: PmNode = node;
      const render = () => {
        const a = current.attrs;
        const allowed = isBodyImageUrl(a['src'] ?? '');
        if (allowed) img.src = a['src'];
        else img.removeAttribute('src');
        img.hidden = !allowed;
        refused.hidden = allowed;
        refused.textContent = allowed ? '' : `This image cannot be shown or saved: ${BODY_IMAGE_URL_RULE}. Remove it and insert the photo from the media library.`;
        img.alt = a['alt'] ?? '';
        if (a['width']) img.width = a['width'];
        if (a['height']) img.height = a['height'];
        credit.textContent = a['credit'] ? `Photo: ${a['credit']}` : '';
        caption.querySelectorAll<HTMLInputElement>('input').forEach((input, i) => {
          const value = (i === 0 ? a['caption'] : a['alt']) ?? '';
          if (document.activeElement !== input && input.value !== value) input.value = value;
        });
      };
      caption.append(textInput('Caption', node.attrs['caption'] ?? '', attributeSetter(editor, getPos, 'caption')), textInput('Alt text', node.attrs['alt'] ?? '', attributeSetter(editor, getPos, 'alt')), credit);
      dom.append(refused, img, caption);
      render();
      return {
        dom,
        update: (next) => {
          if (next.type !== current.type) return false;
          current = next;
          render();
          return true;
        },
        // Typing in the caption fields belongs to the fields, not to ProseMirror.
        stopEvent: (event) => event.target instanceof HTMLInputElement,
        ignoreMutation: () => true,
      };
    };
  },
});

/** An embedded post or video, kept as its URL and shown as a plain link: nothing is fetched from the other site. */
export const Embed = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return { url: { default: '', ...hidden }, title: { default: null, ...hidden } };
  },
  parseHTML() {
    return [{ tag: 'div[data-embed]', getAttrs: (el) => ({ url: el.getAttribute('data-url') ?? '', title: el.getAttribute('data-title') }) }];
  },
  renderHTML({ node }) {
    const url: string = node.attrs['url'] ?? '';
    const title: string | null = node.attrs['title'];
    const attrs: Record<string, string> = { class: 'embed-node', 'data-embed': '', 'data-url': url };
    if (title) attrs['data-title'] = title;
    const link = isWebUrl(url) ? { href: url, rel: 'noopener noreferrer nofollow', target: '_blank' } : {};
    return ['div', attrs, ['span', { class: 'embed-label' }, 'Embed'], ['a', link, title ?? url]];
  },
});

function htmlText(html: string): string {
  // Block boundaries become spaces, so table cells and list items do not run together.
  const spaced = html.replace(/<\/?(?:p|div|br|li|tr|td|th|h\d|table|ul|ol|blockquote|figure|figcaption)\b/gi, ' $&');
  // DOMParser documents are inert: no scripts run and no images load.
  const text = new DOMParser().parseFromString(spaced, 'text/html').body.textContent ?? '';
  return text.replace(/\s+/g, ' ').trim();
}

/** Markup from the wire or an older body, kept as it is: shown as its text, not editable, deletable. */
export const LegacyHtml = Node.create({
  name: 'legacyHtml',
  group: 'block',
  atom: true,
  selectable: true,
  addAttributes() {
    return { html: { default: '', ...hidden } };
  },
  parseHTML() {
    return [{ tag: 'div[data-legacy-html]', getAttrs: (el) => ({ html: el.getAttribute('data-html') ?? '' }) }];
  },
  renderHTML({ node }) {
    const html: string = node.attrs['html'] ?? '';
    return ['div', { class: 'legacy-html', 'data-legacy-html': '', 'data-html': html }, ['span', { class: 'embed-label' }, 'Imported formatting, read-only'], ['p', {}, htmlText(html)]];
  },
});
