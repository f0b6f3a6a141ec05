/**
 * My profile. In the current UI, General and Security are tabs (/profile, /profile/security);
 * in the 2015 UI everything is one page with the 2FA section at the bottom. In both, the 2FA
 * area is an empty container that security-*.js fills after fetching /api/profile/2fa, so the
 * enrollment step, QR and backup codes never appear in the initial HTML.
 */
import { t, type Lang, type StringKey } from '../i18n';
import type { User } from '../state';
import { ICONS } from './icons';
import { esc } from './html';
import { appPage, type Ui } from './shell';

function generalFields(lang: Lang, user: User): string {
  const s = (k: StringKey) => esc(t(lang, k));
  const row = (k: StringKey, v: string) => `<dt>${s(k)}</dt><dd>${esc(v)}</dd>`;
  return `<dl class="profile-fields">
    ${row('profile.name', user.name)}
    ${row('profile.username', user.username)}
    ${row('profile.email', user.email)}
    ${row('profile.language', lang.toUpperCase())}
  </dl>`;
}

export function profilePage(ui: Ui, lang: Lang, user: User, tab: 'general' | 'security'): string {
  const s = (k: StringKey) => esc(t(lang, k));
  if (ui === '2015') {
    const content = `<h1 class="page-header">${s('profile.title')}</h1>
<div class="panel panel-default">
  <div class="panel-heading"><h3 class="panel-title">${s('profile.general')}</h3></div>
  <div class="panel-body">${generalFields(lang, user)}</div>
</div>
<div class="panel panel-default" id="security">
  <div class="panel-heading"><h3 class="panel-title">${s('profile.security')}</h3></div>
  <div class="panel-body">
    <div id="two-factor-auth" class="two-factor-section"></div>
  </div>
</div>`;
    return appPage({ ui, lang, user, title: t(lang, 'profile.title'), active: 'profile', content, scripts: ['security-2015.js'] });
  }

  const tabLink = (href: string, key: StringKey, active: boolean) =>
    `<li${active ? ' class="active"' : ''}><a href="${href}">${s(key)}</a></li>`;
  const body =
    tab === 'general'
      ? `<section class="card">
  <h2 class="card-title">${ICONS.user} ${s('profile.general')}</h2>
  ${generalFields(lang, user)}
</section>`
      : `<section class="card security-card">
  <h2 class="card-title">${ICONS.lock} ${s('profile.security')}</h2>
  <div class="security-block">
    <h3>${s('profile.passwordTitle')}</h3>
    <p class="text-muted">${s('profile.passwordText')}</p>
  </div>
  <div id="two-factor" class="two-factor" aria-live="polite"></div>
</section>`;
  const content = `<h1 class="page-title">${s('profile.title')}</h1>
<ul class="nav nav-tabs">
  ${tabLink('/profile', 'profile.general', tab === 'general')}
  ${tabLink('/profile/security', 'profile.security', tab === 'security')}
</ul>
${body}`;
  return appPage({
    ui,
    lang,
    user,
    title: t(lang, tab === 'general' ? 'profile.title' : 'profile.security'),
    active: 'profile',
    content,
    scripts: tab === 'security' ? ['security-current.js'] : [],
  });
}
