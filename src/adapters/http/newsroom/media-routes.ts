/** @module The media library over HTTP: search (HTML or JSON), multipart upload (its CSRF token checked as the fields arrive), and the public variants under /media. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { createReadStream } from 'node:fs';
import { z } from 'zod';
import { parseMediaKey, type Photo } from '../../../core/media/photo.js';
import { DomainError, isDomainError } from '../../../core/shared/domain-error.js';
import { httpError, sendJsonError } from '../error-status.js';
import { html } from '../html/html.js';
import type { NewsroomDeps } from './newsroom-deps.js';
import { renderNewsroomPage } from './newsroom-layout.js';
import { requireMultipartCsrf, signedInUser, wantsJson } from './session-guard.js';
import { cleanLine } from '../../../core/shared/clean-text.js';

const CONTENT_TYPES: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif' };

export interface MediaRouteOptions {
  /** Absolute path of a public variant (refuses original keys). */
  variantPath: (key: string) => string;
  maxUploadBytes: number;
}

export function registerMediaRoutes(app: FastifyInstance, deps: NewsroomDeps, options: MediaRouteOptions): void {
  const item = (p: Photo) => {
    const smallest = [...p.variants].sort((a, b) => a.width - b.width);
    const display = smallest.find((v) => v.width >= 640 && v.format !== 'webp') ?? smallest.find((v) => v.format !== 'webp') ?? smallest[0]!;
    return { id: p.id, url: deps.media.urlOf(display.key), width: p.width, height: p.height, caption: p.caption, credit: p.credit, alt: p.alt };
  };

  app.get('/newsroom/media', async (request, reply) => {
    const { q } = z.object({ q: z.string().max(200).optional() }).parse(request.query);
    const photos = await deps.media.search(q ?? '', 48);
    reply.header('cache-control', 'no-store');
    if (wantsJson(request)) return reply.send({ items: photos.map(item) });
    const main = html`<h1>Media library</h1>
<form class="nr-filters" method="get" action="/newsroom/media" role="search"><label for="mq">Caption, credit or description</label><input id="mq" type="search" name="q" value="${q ?? ''}" dir="auto"><button class="btn" type="submit">Search</button></form>
<form class="nr-form" method="post" action="/newsroom/media" enctype="multipart/form-data">
  <input type="hidden" name="_csrf" value="${request.staff!.session.csrfToken}">
  <div class="field-row">
    <div class="field"><label class="field-label" for="m-caption">Caption</label><input id="m-caption" name="caption" type="text" dir="auto"></div>
    <div class="field"><label class="field-label" for="m-credit">Credit</label><input id="m-credit" name="credit" type="text" dir="auto"></div>
    <div class="field"><label class="field-label" for="m-alt">Alt text</label><input id="m-alt" name="alt" type="text" required dir="auto"></div>
  </div>
  <div class="field"><label class="field-label" for="m-file">Photo (JPEG, PNG, WebP or AVIF)</label><input id="m-file" name="file" type="file" accept="image/jpeg,image/png,image/webp,image/avif" required></div>
  <div class="button-row"><button class="btn btn-primary" type="submit">Upload</button></div>
</form>
${photos.length === 0 ? html`<p class="empty-state">No photos${q ? ' match' : ' yet'}.</p>` : html`<ul class="media-grid">${photos.map((p) => {
      const i = item(p);
      return html`<li class="media-card"><img src="${i.url}" alt="${p.alt}" width="${p.width}" height="${p.height}" loading="lazy"><p dir="auto">${p.caption}${p.credit ? html` <bdi class="credit">${p.credit}</bdi>` : ''}</p></li>`;
    })}</ul>`}`;
    return reply.type('text/html; charset=utf-8').send(renderNewsroomPage(deps.assets, deps.settings.siteName, {
      title: 'Media', current: 'media', user: request.staff!.user, csrf: request.staff!.session.csrfToken,
      flash: (request.query as { done?: string }).done === 'uploaded' ? { kind: 'ok', text: 'Photo uploaded.' } : null,
    }, main));
  });

  // The guard cannot read a token inside a body the handler streams: this handler checks it (session-guard.ts).
  app.post('/newsroom/media', { config: { csrf: 'multipart' } }, async (request, reply) => {
    const user = signedInUser(request);
    try {
      const fields: Record<string, string> = {};
      let bytes: Buffer | null = null;
      for await (const part of request.parts({ limits: { fileSize: options.maxUploadBytes, files: 1, fields: 10, fieldSize: 4_000 } })) {
        if (part.type === 'file') {
          // The token comes before the file (forms list it first): refuse before buffering a single byte.
          requireMultipartCsrf(deps.auth, request, fields);
          bytes = await part.toBuffer();
          if (part.file.truncated) throw new DomainError('MEDIA_TOO_LARGE', `The photo is larger than the ${Math.round(options.maxUploadBytes / 1_048_576)} MB limit.`);
        } else if (typeof part.value === 'string') {
          fields[part.fieldname] = cleanLine(part.value);
        }
      }
      requireMultipartCsrf(deps.auth, request, fields);
      if (!bytes || bytes.length === 0) throw new DomainError('VALIDATION_FAILED', 'Choose a photo to upload.', { issues: [{ path: 'file', message: 'No file.' }] });
      const photo = await deps.media.upload(bytes, { caption: fields.caption ?? '', credit: fields.credit ?? '', alt: fields.alt ?? '' }, user.id);
      request.log.info({ event: 'media.uploaded', mediaId: photo.id, bytes: photo.bytes }, 'photo uploaded');
      if (wantsJson(request)) return reply.code(201).send(item(photo));
      return reply.redirect('/newsroom/media?done=uploaded', 303);
    } catch (error) {
      const known = isDomainError(error) ? error : (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE'
        ? new DomainError('MEDIA_TOO_LARGE', `The photo is larger than the ${Math.round(options.maxUploadBytes / 1_048_576)} MB limit.`) : null;
      if (!known) throw error;
      return sendError(request, reply, known);
    }
  });
}

/** The public variants under /media (originals are never served): outside the newsroom scope, no session involved. */
export function registerMediaVariantRoute(app: FastifyInstance, options: MediaRouteOptions): void {
  app.get('/media/:shard/:file', async (request, reply) => {
    const params = z.object({ shard: z.string().max(4), file: z.string().max(120) }).safeParse(request.params);
    if (!params.success) return reply.code(404).type('text/plain').send('Not found');
    const key = `${params.data.shard}/${params.data.file}`;
    const parsed = parseMediaKey(key);
    if (!parsed || parsed.kind !== 'variant') return reply.code(404).type('text/plain').send('Not found');
    const stream = createReadStream(options.variantPath(key));
    await new Promise<void>((resolve, reject) => { stream.once('open', () => resolve()); stream.once('error', reject); }).catch(() => null);
    if (stream.destroyed || stream.closed) return reply.code(404).type('text/plain').send('Not found');
    // Variant names are never reused for other bytes: cache forever.
    return reply.type(CONTENT_TYPES[parsed.format] ?? 'application/octet-stream').header('cache-control', 'public, max-age=31536000, immutable').send(stream);
  });
}

function sendError(request: FastifyRequest, reply: FastifyReply, error: DomainError) {
  const answer = httpError(error.code, error.message, error.details);
  if (wantsJson(request)) return sendJsonError(reply, answer);
  return reply.code(answer.status).type('text/plain; charset=utf-8').send(answer.message);
}
