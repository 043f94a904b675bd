import { describe, expect, it } from 'vitest';
import { blocksToPageText, canEditSitePages, pageTextToBlocks } from './site-page.js';

describe('static page text', () => {
  it('reads paragraphs, headings, lists and links, and writes them back the same', () => {
    const text = 'نحن غرفة أخبار.\n\n## Our staff\n\n- Editors\n- Reporters 記者\n\nWrite to [the desk](mailto:desk@x.example), see [About](/about) or [us](https://x.example/a?b=1).';
    const blocks = pageTextToBlocks(text);
    expect(blocks).toEqual([
      { type: 'paragraph', text: 'نحن غرفة أخبار.' },
      { type: 'heading', level: 2, text: 'Our staff' },
      { type: 'list', ordered: false, items: ['Editors', 'Reporters 記者'] },
      { type: 'paragraph', text: 'Write to the desk, see About or us.', runs: [
        { text: 'Write to ' }, { text: 'the desk', href: 'mailto:desk@x.example' }, { text: ', see ' }, { text: 'About', href: '/about' },
        { text: ' or ' }, { text: 'us', href: 'https://x.example/a?b=1' }, { text: '.' },
      ] },
    ]);
    expect(blocksToPageText(blocks)).toBe(text);
  });

  it('keeps links of other schemes, protocol-relative ones included, as plain text', () => {
    for (const href of ['javascript:alert(1)', '//evil.example/x', '/\\evil.example', 'data:text/html,x']) {
      expect(pageTextToBlocks(`[click](${href})`)).toEqual([{ type: 'paragraph', text: `[click](${href})` }]);
    }
  });

  it('joins a paragraph\'s lines and ignores extra blank lines and CRLF', () => {
    expect(pageTextToBlocks('\r\n\r\nOne\r\ntwo\r\n\r\n\r\n### Три\r\n')).toEqual([{ type: 'paragraph', text: 'One two' }, { type: 'heading', level: 3, text: 'Три' }]);
  });

  it('lets editors and admins edit the pages, not writers', () => {
    expect((['contributor', 'reporter', 'editor', 'admin'] as const).map((role) => canEditSitePages({ role }))).toEqual([false, false, true, true]);
  });
});
