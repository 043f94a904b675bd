/**
 * Newsroom publish-to-visible: an editor signed in over HTTP creates a story and presses Publish in the running
 * server; timed from the start of the Publish request until the story shows on its article page, the home page
 * and its section feed (the story event drops exactly those cached pages).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Storage } from '../src/main/storage.js';
import { createNewsroomServices } from '../src/main/newsroom-services.js';
import type { VisibleTimes } from './publish-to-visible.js';

function cookiesOf(res: Response): string {
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100_000; i++) if (await check()) return;
  throw new Error('story never became visible');
}

async function signIn(origin: string, email: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const form = await fetch(`${origin}/newsroom/login`);
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const res = await fetch(`${origin}/newsroom/login`, {
    method: 'POST', redirect: 'manual', headers: { cookie: cookiesOf(form), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password, _csrf: token }),
  });
  if (res.status !== 303) throw new Error(`bench sign-in failed: ${res.status}`);
  const cookie = cookiesOf(res).split('; ').filter((c) => c.startsWith('dl_session=')).join('; ');
  const desk = await (await fetch(`${origin}/newsroom`, { headers: { cookie } })).text();
  return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(desk)?.[1] ?? '' };
}

export async function measureNewsroomPublish(storage: Storage, origin: string, count: number): Promise<VisibleTimes & { publish: number[] }> {
  const mediaDir = mkdtempSync(join(tmpdir(), 'dateline-bench-media-'));
  try {
    const { auth } = createNewsroomServices(storage, { clock: { now: () => new Date() }, mediaDir, maxUploadBytes: 1_000_000, maxPixels: 1_000_000 });
    const email = `bench-editor-${Date.now()}@bench.test`;
    const password = 'bench editor password';
    await auth.addUser({ email, name: 'Bench Editor', role: 'editor', password });
    const { cookie, csrf } = await signIn(origin, email, password);
    const post = (path: string, form: Record<string, string>) => fetch(`${origin}${path}`, {
      method: 'POST', redirect: 'manual', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: csrf, ...form }),
    });
    const times = { publish: [] as number[], article: [] as number[], home: [] as number[], feed: [] as number[] };
    for (let i = 0; i < count; i++) {
      const headline = `Newsroom bench story ${Date.now()} ${i}`;
      const created = await post('/newsroom/stories', { headline, section: 'world' });
      const id = /stories\/([\w-]+)\/edit/.exec(created.headers.get('location') ?? '')?.[1];
      if (!id) throw new Error(`bench: creating a story failed (${created.status})`);
      const state = await storage.articles.findState(id);
      const started = performance.now();
      const published = await post(`/newsroom/stories/${id}`, {
        action: 'publish', version: String(state?.version ?? 1), headline, highlights: 'A highlight', section: 'world', authors: 'Bench Editor',
        body: JSON.stringify([{ type: 'paragraph', text: 'Bench body text for a newsroom publish.' }]),
      });
      if (published.status !== 303) throw new Error(`bench: publish failed (${published.status})`);
      times.publish.push(performance.now() - started);
      const slug = (await storage.articles.findState(id))!.slug;
      await until(async () => (await fetch(`${origin}/article/${slug}`)).status === 200);
      times.article.push(performance.now() - started);
      await until(async () => (await (await fetch(`${origin}/`)).text()).includes(slug));
      times.home.push(performance.now() - started);
      await until(async () => (await (await fetch(`${origin}/section/world/feed.xml`)).text()).includes(slug));
      times.feed.push(performance.now() - started);
    }
    return times;
  } finally {
    rmSync(mediaDir, { recursive: true, force: true });
  }
}
