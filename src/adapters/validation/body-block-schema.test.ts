/** @module Tests for the body schema: image addresses checked where a body enters, stored bodies still read back. */
import { describe, expect, it } from 'vitest';
import { bodySchema, storedBodySchema } from './body-block-schema.js';

const image = (url: string, alt = 'صورة الاجتماع 会议照片 📷') => ({ type: 'image', mediaId: null, url, caption: 'Глава делегации', credit: 'وكالة', alt, width: 640, height: 480 });

describe('body schema image addresses', () => {
  it('accepts http(s) and /media/ images with Arabic, CJK, Cyrillic and emoji text', () => {
    const body = [{ type: 'paragraph', text: 'نص' }, image('https://example.com/a.jpg'), image('/media/3f/3f2a-640.webp')];
    expect(bodySchema.parse(body)).toEqual(body);
  });

  it.each(['javascript:alert(1)', 'vbscript:msgbox(1)', 'data:text/html,<script>alert(1)</script>', '//evil.example/x.png', 'JavaScript:alert(1)', 'java\tscript:alert(1)'])(
    'refuses %j at the image block, naming the rule',
    (url) => {
      const result = bodySchema.safeParse([{ type: 'paragraph', text: 'one' }, image(url)]);
      expect(result.success).toBe(false);
      expect(result.error?.issues).toEqual([expect.objectContaining({ path: [1, 'url'], message: 'an image address must be an absolute http(s) URL or a /media/ path of this site' })]);
    },
  );

  it('still reads a stored body written before the rule, so old stories open', () => {
    const stored = [image('javascript:alert(1)')];
    expect(storedBodySchema.parse(stored)).toEqual(stored);
  });
});
