import { describe, expect, it } from 'vitest';
import { html, jsonForScript, raw, safeUrl } from './html.js';

describe('html tag', () => {
  it('escapes every interpolated string, in content and attributes', () => {
    const hostile = `<script>alert(1)</script>" onerror="x' &`;
    const out = html`<p title="${hostile}">${hostile}</p>`.toString();
    expect(out).toBe('<p title="&lt;script&gt;alert(1)&lt;/script&gt;&quot; onerror=&quot;x&#39; &amp;">&lt;script&gt;alert(1)&lt;/script&gt;&quot; onerror=&quot;x&#39; &amp;</p>');
  });

  it('nests safe fragments and arrays without double escaping', () => {
    const items = ['a<b', 'c'].map((t) => html`<li>${t}</li>`);
    expect(html`<ul>${items}</ul>`.toString()).toBe('<ul><li>a&lt;b</li><li>c</li></ul>');
    expect(html`${raw('<b>ok</b>')}`.toString()).toBe('<b>ok</b>');
  });

  it('drops null, undefined and false', () => {
    expect(html`[${null}${undefined}${false}]`.toString()).toBe('[]');
  });
});

describe('safeUrl', () => {
  it('keeps http(s), mailto and site paths', () => {
    expect(safeUrl('/article/x')).toBe('/article/x');
    expect(safeUrl('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
  });

  it('neutralises script, data and protocol-relative URLs', () => {
    for (const bad of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,x', '//evil.com', '/\\evil.com', 'vbscript:x']) {
      expect(safeUrl(bad)).toBe('#');
    }
  });
});

describe('jsonForScript', () => {
  it('cannot be broken out of with </script>', () => {
    const out = jsonForScript({ headline: '</script><script>alert(1)</script>' }).toString();
    expect(out).not.toContain('</script>');
    expect(JSON.parse(out)).toEqual({ headline: '</script><script>alert(1)</script>' });
  });
});
