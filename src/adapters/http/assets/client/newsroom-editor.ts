/** @module The newsroom's one script: mounts the body editor, toolbar, media picker, lead photo and autosave on the story form. */
import { Editor, Extension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import type { BodyBlock } from '../../../../core/articles/article.js';
import { blocksToDoc, docToBlocks } from '../../../../core/articles/rich-text-doc.js';
import { startAutosave, type Autosave } from './newsroom-autosave.js';
import { formSnapshot, readDraft, removeDraft, restoreSnapshot } from './newsroom-draft.js';
import { mountConfirmDialogs } from './newsroom-dialogs.js';
import { enableLeadPhoto } from './newsroom-lead-photo.js';
import { createMediaPicker, type MediaPicker } from './newsroom-media-picker.js';
import { BodyImage, Embed, LegacyHtml, QuoteCite } from './newsroom-nodes.js';
import { mountToolbar } from './newsroom-toolbar.js';
import { normaliseTypedUrl, isSitePath } from './newsroom-urls.js';
import { createLinkDialog, type LinkDialog } from './newsroom-link-dialog.js';
import { mountTopicSuggest } from './newsroom-topic-suggest.js';
import { mountWireQueue } from './newsroom-wire-queue.js';

/** Opens the link dialog on the selection (a whole link when the cursor is in one); the text typed there replaces the selection's. */
function editLink(editor: Editor, dialog: LinkDialog): void {
  const isLink = editor.isActive('link');
  if (isLink) editor.chain().extendMarkRange('link').run();
  const { from, to } = editor.state.selection;
  const selected = editor.state.doc.textBetween(from, to, ' ');
  const href = String(editor.getAttributes('link')['href'] ?? '');
  dialog.open({ href, text: selected, isLink }, (newHref, text) => {
    if (text === selected && from !== to) editor.chain().focus().setTextSelection({ from, to }).setLink({ href: newHref }).run();
    else editor.chain().focus().insertContentAt({ from, to }, { type: 'text', text, marks: [{ type: 'link', attrs: { href: newHref } }] }).run();
  }, () => editor.chain().focus().setTextSelection({ from, to }).unsetLink().run(), () => editor.commands.focus());
}

function promptEmbed(editor: Editor): void {
  const typed = window.prompt('Address of the post or video to embed (https://…). It is shown as a link; nothing is loaded from it.');
  if (typed === null || typed.trim() === '') return void editor.commands.focus();
  const url = normaliseTypedUrl(typed, false);
  if (url === null) {
    window.alert('An embed needs a web address starting with https:// or http://.');
    return void editor.commands.focus();
  }
  editor.chain().focus().insertContent({ type: 'embed', attrs: { url, title: null } }).run();
}

function pickPhoto(editor: Editor, picker: MediaPicker): void {
  picker.open((item) => {
    const attrs = { mediaId: item.id, src: item.url, alt: item.alt, caption: item.caption, credit: item.credit || null, width: item.width, height: item.height };
    editor.chain().focus().insertContent({ type: 'image', attrs }).run();
  }, () => editor.commands.focus());
}

function readBody(textarea: HTMLTextAreaElement): BodyBlock[] {
  const value: unknown = JSON.parse(textarea.value.trim() || '[]');
  if (!Array.isArray(value)) throw new Error('the body is not a list of blocks');
  return value as BodyBlock[];
}

function createEditor(surface: HTMLElement, textarea: HTMLTextAreaElement, onChange: () => void, links: LinkDialog): Editor {
  const label = surface.getAttribute('aria-labelledby') ?? 'body-label';
  // The body runs in the story's edition's direction; each paragraph then takes its own from its first letters
  // (TipTap's textDirection 'auto' gives every block dir="auto"), so an English quote in an Arabic story reads left to right.
  const direction = surface.dataset['direction'] === 'rtl' ? 'rtl' : 'ltr';
  let editor: Editor | null = null;
  const LinkShortcut = Extension.create({ name: 'linkShortcut', addKeyboardShortcuts: () => ({ 'Mod-k': () => (editor ? (editLink(editor, links), true) : false) }) });
  const sync = (e: Editor) => {
    textarea.value = JSON.stringify(docToBlocks(e.getJSON()));
    surface.classList.toggle('is-empty', e.isEmpty);
  };
  editor = new Editor({
    element: surface,
    // The page's Content-Security-Policy allows no inline styles; newsroom.css carries ProseMirror's base rules.
    injectCSS: false,
    textDirection: 'auto',
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        code: false, codeBlock: false, strike: false, underline: false, horizontalRule: false, hardBreak: false,
        link: { openOnClick: false, autolink: true, linkOnPaste: true, defaultProtocol: 'https', isAllowedUri: (url) => /^(https?:\/\/|mailto:)/i.test(url.trim()) || isSitePath(url.trim()) },
      }),
      QuoteCite, BodyImage, Embed, LegacyHtml, LinkShortcut,
    ],
    content: blocksToDoc(readBody(textarea)),
    // ProseMirror reads the editor's own attributes first, so this `dir` wins over textDirection's `auto` on the surface itself.
    editorProps: { attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-labelledby': label, class: 'nr-prose', spellcheck: 'true', dir: direction } },
    onUpdate: ({ editor: e }) => {
      sync(e);
      onChange();
    },
  });
  // Written once at start so that the form compares equal until someone edits.
  sync(editor);
  return editor;
}

function offerDraft(form: HTMLFormElement, key: string, status: HTMLElement | null, reload: () => void): void {
  const draft = readDraft(key);
  if (draft === null) return;
  if (draft === formSnapshot(form) || !status) return removeDraft(key);
  const restore = Object.assign(document.createElement('button'), { type: 'button', className: 'btn btn-quiet', textContent: 'Restore them' });
  const discard = Object.assign(document.createElement('button'), { type: 'button', className: 'btn btn-quiet', textContent: 'Discard' });
  status.replaceChildren('This browser kept changes to this story that were not saved. ', restore, ' ', discard);
  restore.addEventListener('click', () => {
    restoreSnapshot(form, draft);
    reload();
    status.textContent = 'Unsaved changes restored';
  });
  discard.addEventListener('click', () => {
    removeDraft(key);
    status.textContent = '';
  });
}

function start(): void {
  const form = document.querySelector<HTMLFormElement>('form#story-form');
  const surface = form?.querySelector<HTMLElement>('#body-editor');
  const textarea = form?.querySelector<HTMLTextAreaElement>('textarea#body-json');
  if (!form || !surface || !textarea) return;
  const csrf = () => form.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? '';
  const picker = createMediaPicker(form.dataset['mediaUrl'] ?? '/newsroom/media', csrf);
  const status = form.querySelector<HTMLElement>('.save-status');
  let autosave: Autosave | null = null;
  let editor: Editor;
  const links = createLinkDialog();
  try {
    editor = createEditor(surface, textarea, () => autosave?.changed(), links);
  } catch {
    // Never hide the body behind an editor that failed: show the JSON so nothing is lost.
    textarea.hidden = false;
    if (status) status.textContent = 'The body editor could not start; the body is shown as data.';
    return;
  }
  const toolbar = form.querySelector<HTMLElement>('.editor-toolbar');
  if (toolbar) mountToolbar(toolbar, editor, { link: () => editLink(editor, links), photo: () => pickPhoto(editor, picker), embed: () => promptEmbed(editor) });
  form.querySelectorAll<HTMLElement>('[data-lead-photo]').forEach((field) => enableLeadPhoto(field, picker));
  const topics = form.querySelector<HTMLInputElement>('input[data-suggest-url]');
  const topicList = topics?.list;
  if (topics && topicList) mountTopicSuggest(topics, topicList, topics.dataset['suggestUrl'] ?? '');
  // getAttribute: `form.action` is shadowed by the buttons named "action".
  const id = /\/stories\/([^/?#]+)/.exec(new URL(form.getAttribute('action') ?? '', location.href).pathname)?.[1] ?? 'new';
  const key = `dateline:draft:${decodeURIComponent(id)}`;
  const url = form.dataset['autosaveUrl'];
  if (url) autosave = startAutosave({ form, url, draftKey: key, status, banner: form.querySelector<HTMLElement>('.conflict-banner') });
  offerDraft(form, key, status, () => editor.commands.setContent(blocksToDoc(readBody(textarea))));
}

function startAll(): void {
  mountConfirmDialogs();
  start();
  mountWireQueue();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', startAll);
else startAll();
