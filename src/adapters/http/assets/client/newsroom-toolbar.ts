/** @module The body editor's formatting toolbar: real buttons, aria-pressed in step with the selection, roving tabindex. */
import type { Editor } from '@tiptap/core';

export interface ToolbarActions {
  link: () => void;
  photo: () => void;
  embed: () => void;
}

interface Tool {
  /** The accessible name: it starts with the visible text, so speech input finds the button by what it shows (WCAG 2.5.3). */
  label: string;
  text: string;
  shortcut?: string;
  run: (editor: Editor, actions: ToolbarActions) => void;
  /** For toggles: is the format on at the selection? */
  active?: (editor: Editor) => boolean;
  enabled?: (editor: Editor) => boolean;
  /** Starts a new group (a visual separator before the button). */
  group?: boolean;
}

const mod = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

const TOOLS: Tool[] = [
  { label: 'Bold', text: 'B', shortcut: `${mod}B`, run: (e) => e.chain().focus().toggleBold().run(), active: (e) => e.isActive('bold') },
  { label: 'Italic', text: 'I', shortcut: `${mod}I`, run: (e) => e.chain().focus().toggleItalic().run(), active: (e) => e.isActive('italic') },
  { label: 'H2 heading', text: 'H2', shortcut: `${mod}Alt+2`, group: true, run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(), active: (e) => e.isActive('heading', { level: 2 }) },
  { label: 'H3 subheading', text: 'H3', shortcut: `${mod}Alt+3`, run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(), active: (e) => e.isActive('heading', { level: 3 }) },
  { label: 'Quote', text: '“ ”', shortcut: `${mod}Shift+B`, run: (e) => e.chain().focus().toggleBlockquote().run(), active: (e) => e.isActive('blockquote') },
  { label: 'List, bulleted', text: '• List', shortcut: `${mod}Shift+8`, group: true, run: (e) => e.chain().focus().toggleBulletList().run(), active: (e) => e.isActive('bulletList') },
  { label: '1. List, numbered', text: '1. List', shortcut: `${mod}Shift+7`, run: (e) => e.chain().focus().toggleOrderedList().run(), active: (e) => e.isActive('orderedList') },
  { label: 'Link', text: 'Link', shortcut: `${mod}K`, group: true, run: (_e, a) => a.link(), active: (e) => e.isActive('link') },
  { label: 'Photo', text: 'Photo', run: (_e, a) => a.photo() },
  { label: 'Embed', text: 'Embed', run: (_e, a) => a.embed() },
  { label: 'Undo', text: 'Undo', shortcut: `${mod}Z`, group: true, run: (e) => e.chain().focus().undo().run(), enabled: (e) => e.can().undo() },
  { label: 'Redo', text: 'Redo', shortcut: `${mod}Shift+Z`, run: (e) => e.chain().focus().redo().run(), enabled: (e) => e.can().redo() },
];

function makeButton(tool: Tool): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'tool';
  button.textContent = tool.text;
  button.setAttribute('aria-label', tool.label);
  button.title = tool.shortcut ? `${tool.label} (${tool.shortcut})` : tool.label;
  if (tool.active) button.setAttribute('aria-pressed', 'false');
  if (tool.group) button.dataset['group'] = 'start';
  button.tabIndex = -1;
  return button;
}

/** Arrow keys, Home and End move between the buttons; Tab leaves the toolbar from the current one. */
function enableRovingFocus(toolbar: HTMLElement, buttons: HTMLButtonElement[]): void {
  const first = buttons[0];
  if (first) first.tabIndex = 0;
  toolbar.addEventListener('keydown', (event) => {
    const index = buttons.indexOf(event.target as HTMLButtonElement);
    if (index < 0) return;
    const last = buttons.length - 1;
    const next = ({ ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last } as Record<string, number>)[event.key];
    if (next === undefined) return;
    event.preventDefault();
    buttons.forEach((b, i) => (b.tabIndex = i === next ? 0 : -1));
    buttons[next]?.focus();
  });
  toolbar.addEventListener('focusin', (event) => {
    if (!buttons.includes(event.target as HTMLButtonElement)) return;
    buttons.forEach((b) => (b.tabIndex = b === event.target ? 0 : -1));
  });
}

/** Fills the empty `.editor-toolbar` and keeps its state in step with the editor. */
export function mountToolbar(toolbar: HTMLElement, editor: Editor, actions: ToolbarActions): void {
  const buttons = TOOLS.map((tool) => {
    const button = makeButton(tool);
    // Keep the editor's selection: a mousedown on a button would otherwise blur it first.
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', () => tool.run(editor, actions));
    return button;
  });
  toolbar.replaceChildren(...buttons);
  enableRovingFocus(toolbar, buttons);
  const refresh = () => {
    TOOLS.forEach((tool, i) => {
      const button = buttons[i]!;
      if (tool.active) button.setAttribute('aria-pressed', String(tool.active(editor)));
      // aria-disabled, not disabled: a disabled button would drop out of the roving focus.
      if (tool.enabled) button.setAttribute('aria-disabled', String(!tool.enabled(editor)));
    });
  };
  editor.on('transaction', refresh);
  editor.on('focus', refresh);
  refresh();
}
