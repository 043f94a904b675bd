/** @module Tests for the body image address rule: http(s) and /media/ only, whatever the case, spacing or control-character tricks. */
import { describe, expect, it } from 'vitest';
import { isBodyImageUrl } from './body-image-url.js';

describe('body image addresses', () => {
  it.each([
    'https://images.example.com/2025/jeju.jpg',
    'http://example.com/a.png?w=640#x',
    'HTTPS://Example.COM/Photo.JPG',
    'https://example.com/%D8%B5%D9%88%D8%B1%D8%A9.jpg',
    'https://例子.测试/图片.png',
    '/media/3f/3f2a9c1e-640.webp',
  ])('accepts %s', (url) => {
    expect(isBodyImageUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    ' javascript:alert(1)',
    '\u0001javascript:alert(1)',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'data:image/svg+xml,<svg onload=alert(1)>',
    '//evil.example/x.png',
    '\\\\evil.example/x.png',
    '/\\evil.example/x.png',
    'https:evil.example/x.png',
    'https:/evil.example/x.png',
    'https://',
    'ht\ttps://example.com/a.jpg',
    'https://example.com/a b.jpg',
    'https://example.com/\u200ba.jpg',
    'file:///etc/passwd',
    'ftp://example.com/a.jpg',
    'blob:https://example.com/uuid',
    'relative/photo.jpg',
    '/newsroom/photo.jpg',
    '/media/../newsroom/stories',
    '/media/%2e%2e/newsroom',
    '/media/',
    '/media//evil.example/x.png',
    '/media/a\\b.jpg',
    '',
  ])('refuses %j', (url) => {
    expect(isBodyImageUrl(url)).toBe(false);
  });
});
