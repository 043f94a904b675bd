/** @module The newsroom's author profile pages: the list of profiles a staff member may edit, and one profile's form with its photo picker. */
import type { NamedRef } from '../../../core/articles/article.js';
import { MAX_AUTHOR_BIO, MAX_AUTHOR_JOB_TITLE, MAX_AUTHOR_LINKS, type AuthorProfile } from '../../../core/authors/author-profile.js';
import type { Photo } from '../../../core/media/photo.js';
import { html, type SafeHtml } from '../html/html.js';
import { mediaUrl } from '../site/components/responsive-photo.js';
import { pickVariant } from '../site/site-images.js';

export function authorListPage(authors: readonly NamedRef[], all: boolean, own: string | null): SafeHtml {
  const item = (a: NamedRef) => html`<li><a href="/newsroom/authors/${encodeURIComponent(a.slug)}" dir="auto">${a.name}</a>${a.slug === own ? ' (you)' : ''}</li>`;
  return html`<h1>${all ? 'Authors' : 'Your profile'}</h1>
<p class="field-hint">${all
    ? 'Every byline on the site, staff and byline-only authors (from wire bylines) alike. A profile shows on the author\u2019s page: photo, role, bio and links.'
    : 'Your author page shows your photo, role, bio and links beside your stories.'}</p>
${authors.length ? html`<ul class="nr-list">${authors.map(item)}</ul>` : html`<p>You have no byline yet; an admin can give you one.</p>`}`;
}

interface ProfileFormInput {
  profile: AuthorProfile;
  current: Photo | null;
  library: readonly Photo[];
  csrf: string;
  readerPath: string;
  /** The links as submitted (a form shown again after a bad link). */
  linksText?: string | undefined;
}

function photoPicker(current: Photo | null, library: readonly Photo[]): SafeHtml {
  const chosen = current?.id ?? '';
  const option = (value: string, label: string, photo: Photo | null) => html`<li><label class="media-card"><span><input type="radio" name="photo" value="${value}"${value === chosen ? html` checked` : ''}> ${label}</span>${
    photo ? html`<img src="${mediaUrl(pickVariant(photo, 320).key)}" alt="${photo.alt}" loading="lazy">` : ''}</label></li>`;
  return html`<fieldset class="field"><legend class="field-label">Photo</legend>
  <p class="field-hint">A portrait from the media library; <a href="/newsroom/media">upload one there</a> first. Square works best.</p>
  <ul class="media-grid">
    ${option('', 'No photo', null)}
    ${current ? option(current.id, 'Current photo', current) : ''}
    ${library.filter((p) => p.id !== chosen).map((p) => option(p.id, p.caption || p.alt, p))}
  </ul>
</fieldset>`;
}

export function authorProfileForm(input: ProfileFormInput): SafeHtml {
  const { profile, csrf } = input;
  const links = input.linksText ?? profile.links.map((l) => l.url).join('\n');
  return html`<h1>Profile: <bdi>${profile.name}</bdi></h1>
<p><a href="${input.readerPath}">See the author page</a></p>
<form class="nr-form" method="post" action="/newsroom/authors/${encodeURIComponent(profile.slug)}"><input type="hidden" name="_csrf" value="${csrf}">
  <div class="field"><label class="field-label" for="a-role">Role</label><input id="a-role" name="jobTitle" value="${profile.jobTitle ?? ''}" maxlength="${MAX_AUTHOR_JOB_TITLE}" dir="auto" aria-describedby="a-role-hint">
    <p class="field-hint" id="a-role-hint">Job title, e.g. Political correspondent.</p></div>
  <div class="field"><label class="field-label" for="a-bio">Bio</label><textarea id="a-bio" name="bio" rows="4" maxlength="${MAX_AUTHOR_BIO}" dir="auto">${profile.bio ?? ''}</textarea></div>
  <div class="field"><label class="field-label" for="a-links">Links</label><textarea id="a-links" name="links" rows="3" dir="ltr" aria-describedby="a-links-hint">${links}</textarea>
    <p class="field-hint" id="a-links-hint">One full address per line (https://…), at most ${MAX_AUTHOR_LINKS}: website, X, LinkedIn, Bluesky …</p></div>
  ${photoPicker(input.current, input.library)}
  <div class="button-row"><button class="btn btn-primary" type="submit">Save profile</button></div>
</form>`;
}
