/** @module The newsroom's page shell: top bar with navigation and the signed-in user, main landmark, flash messages. */
import type { StaffUser } from '../../../core/staff/staff-user.js';
import type { StaticAssets } from '../assets/static-assets.js';
import { html, type SafeHtml } from '../html/html.js';

export interface NewsroomPage {
  title: string;
  /** The nav entry to mark current. */
  current?: 'home' | 'stories' | 'new' | 'media' | 'users' | 'sections' | 'editions' | 'settings' | 'wire' | 'authors' | 'pages' | 'newsletters';
  user: StaffUser | null;
  csrf: string | null;
  flash?: { kind: 'ok' | 'error'; text: string } | null;
  /** Load the editor script (story pages and the media library). */
  withEditor?: boolean;
}

function nav(page: NewsroomPage): SafeHtml {
  const user = page.user;
  if (!user) return html``;
  const link = (key: NewsroomPage['current'], href: string, label: string) =>
    html`<li><a href="${href}"${page.current === key ? html` aria-current="page"` : ''}>${label}</a></li>`;
  return html`<nav class="nr-nav" aria-label="Newsroom">
  <ul>
    ${link('home', '/newsroom', 'Desk')}
    ${link('stories', '/newsroom/stories', 'Stories')}
    ${link('new', '/newsroom/stories/new', 'New story')}
    ${link('wire', '/newsroom/wire', 'Wire')}
    ${link('media', '/newsroom/media', 'Media')}
    ${link('authors', '/newsroom/authors', user.role === 'admin' ? 'Authors' : 'Profile')}
    ${user.role === 'admin' || user.role === 'editor' ? html`${link('pages', '/newsroom/pages', 'Pages')}${link('newsletters', '/newsroom/newsletters', 'Newsletters')}` : ''}
    ${user.role === 'admin' ? html`${link('users', '/newsroom/users', 'Staff')}${link('sections', '/newsroom/sections', 'Sections')}${link('editions', '/newsroom/editions', 'Editions')}${link('settings', '/newsroom/settings', 'Settings')}` : ''}
  </ul>
</nav>
<form class="nr-user" method="post" action="/newsroom/logout">
  <a href="/newsroom/password" title="Change your password"><bdi>${user.name}</bdi> <span class="nr-role">(${user.role})</span></a>
  <input type="hidden" name="_csrf" value="${page.csrf ?? ''}">
  <button class="btn btn-quiet" type="submit">Sign out</button>
</form>`;
}

export function renderNewsroomPage(assets: StaticAssets, siteName: string, page: NewsroomPage, main: SafeHtml): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${page.title} · Newsroom · ${siteName}</title>
<link rel="icon" href="${assets.urls.icon}" type="image/svg+xml">
<link rel="stylesheet" href="${assets.urls.newsroomCss}">
${page.withEditor ? html`<script src="${assets.urls.newsroomJs}" defer></script>` : ''}
</head>
<body class="nr-shell">
<a class="skip-link" href="#main">Skip to content</a>
<header class="nr-header">
  <a class="nr-brand" href="/newsroom">${siteName} <span>Newsroom</span></a>
  ${nav(page)}
</header>
<main id="main" class="nr-main" tabindex="-1">
${page.flash ? html`<p class="flash" data-kind="${page.flash.kind}" role="${page.flash.kind === 'error' ? 'alert' : 'status'}">${page.flash.text}</p>` : ''}
${main}
</main>
</body>
</html>`.toString();
}
