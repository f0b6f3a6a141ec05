/**
 * The signed-in application frame in its two generations: the current CloudMC look (navy
 * sidebar, white top bar, user menu top right) and the 2015 Bootstrap 3 look (black navbar with
 * CONFIGURATION / TASKS, user name dropdown top right). Pages fill the content area.
 */
import { t, type Lang, type StringKey } from '../i18n';
import type { User } from '../state';
import type { Ui } from '../config';
import { ICONS } from './icons';
import { documentHtml, esc, langSwitch } from './html';

export type { Ui };

export interface ShellInput {
  ui: Ui;
  lang: Lang;
  user: User;
  title: string;
  active: 'dashboard' | 'profile';
  content: string;
  scripts?: string[];
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
}

function userMenu(ui: Ui, lang: Lang, user: User): string {
  const s = (k: StringKey) => esc(t(lang, k));
  const label =
    ui === 'current'
      ? `<span class="avatar">${esc(initials(user.name))}</span><span class="user-name">${esc(user.name)}</span>`
      : `${ICONS.user}<span class="user-name">${esc(user.username)}</span>`;
  return `<div class="dropdown user-menu" id="user-menu">
      <button type="button" class="dropdown-toggle" aria-haspopup="true" aria-expanded="false">${label} <span class="caret"></span></button>
      <ul class="dropdown-menu dropdown-menu-right" role="menu">
        <li role="none"><a role="menuitem" href="/profile">${s('menu.profile')}</a></li>
        <li role="separator" class="divider"></li>
        <li role="none"><a role="menuitem" href="/logout">${s('menu.logout')}</a></li>
      </ul>
    </div>`;
}

function currentFrame(i: ShellInput): string {
  const s = (k: StringKey) => esc(t(i.lang, k));
  const nav = (href: string, key: StringKey, active: boolean) =>
    `<li${active ? ' class="active"' : ''}><a href="${href}">${s(key)}</a></li>`;
  return `<div class="app-shell">
  <aside class="sidebar">
    <a class="brand" href="/dashboard"><span class="brand-mark">☁</span> CloudMC</a>
    <ul class="side-nav">
      ${nav('/dashboard', 'nav.dashboard', i.active === 'dashboard')}
      ${nav('/dashboard#instances', 'nav.instances', false)}
      ${nav('/dashboard#networking', 'nav.networking', false)}
      ${nav('/dashboard#billing', 'nav.billing', false)}
    </ul>
  </aside>
  <div class="main">
    <header class="topbar">
      <div class="topbar-context">CloudOps · ${esc(i.user.email)}</div>
      ${userMenu(i.ui, i.lang, i.user)}
    </header>
    <main class="content" id="content">
${i.content}
    </main>
    <footer class="app-footer">${langSwitch(i.lang)}<span>© CloudOps</span></footer>
  </div>
</div>`;
}

function legacyFrame(i: ShellInput): string {
  const s = (k: StringKey) => esc(t(i.lang, k));
  return `<nav class="navbar navbar-inverse">
  <div class="container-fluid">
    <a class="navbar-brand" href="/dashboard">CloudMC</a>
    <ul class="nav navbar-nav">
      <li${i.active === 'dashboard' ? ' class="active"' : ''}><a href="/dashboard">${s('nav.dashboard').toUpperCase()}</a></li>
      <li><a href="/dashboard#configuration">${s('nav.configuration')} <span class="caret"></span></a></li>
      <li><a href="/dashboard#tasks">${s('nav.tasks')} <span class="caret"></span></a></li>
    </ul>
    <div class="navbar-right">${userMenu(i.ui, i.lang, i.user)}</div>
  </div>
</nav>
<div class="container" id="content">
${i.content}
</div>
<footer class="container app-footer">${langSwitch(i.lang)}</footer>`;
}

export function appPage(i: ShellInput): string {
  const legacy = i.ui === '2015';
  return documentHtml({
    lang: i.lang,
    title: `${i.title} · CloudMC`,
    bodyClass: legacy ? 'app theme-2015' : 'app theme-current',
    css: [legacy ? 'legacy.css' : 'current.css'],
    body: legacy ? legacyFrame(i) : currentFrame(i),
    scripts: ['shell.js', ...(i.scripts ?? [])],
  });
}
