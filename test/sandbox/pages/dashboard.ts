/** A plausible landing page after login, so tests can tell "logged in" from the login page. */
import { t, type Lang } from '../i18n';
import type { User } from '../state';
import { esc } from './html';
import { appPage, type Ui } from './shell';

export function dashboardPage(ui: Ui, lang: Lang, user: User): string {
  const s = (k: Parameters<typeof t>[1]) => esc(t(lang, k));
  const tile = (label: string, value: string) =>
    `<div class="tile"><div class="tile-value">${value}</div><div class="tile-label">${label}</div></div>`;
  const content = `<h1 class="page-title">${s('dashboard.title')}</h1>
<p class="lead welcome">${esc(t(lang, 'dashboard.welcome', { name: user.name }))}</p>
<div class="tiles">
  ${tile(s('dashboard.instances'), '12')}
  ${tile(s('dashboard.volumes'), '31')}
  ${tile(s('dashboard.spend'), '$1,284.50')}
</div>`;
  return appPage({ ui, lang, user, title: t(lang, 'dashboard.title'), active: 'dashboard', content });
}
