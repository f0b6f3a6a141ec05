/**
 * The login page. Only the username/password form is in the HTML; the 2FA challenge is built by
 * login.js after POST /api/login answers that a second factor is needed (or, on reload, after
 * GET /api/login/challenge finds a pending one), like CloudMC's client-rendered challenge.
 * The form also posts without JavaScript (POST /login): a submit that lands before login.js has
 * run still logs in instead of putting the password in a GET URL.
 */
import { t, type Lang } from '../i18n';
import { ICONS } from './icons';
import { documentHtml, esc, langSwitch } from './html';

/** `error`/`username`: re-shown after a failed no-JS form post. */
export function loginPage(lang: Lang, o: { error?: string; username?: string } = {}): string {
  const s = (k: Parameters<typeof t>[1]) => esc(t(lang, k));
  const body = `<main class="login-wrapper">
  <div class="login-card" id="login-card">
    <div id="login-view" class="login-view">
      <form id="login-form" class="login-form" method="post" action="/login" novalidate>
        <div class="login-brand"><span class="brand-mark">☁</span> CloudMC</div>
        <h1 class="login-title">${s('login.heading')}</h1>
        <div class="input-icon">
          ${ICONS.user}
          <label class="sr-only" for="username">${s('login.username')}</label>
          <input id="username" name="username" type="text" class="form-control" autocomplete="username" placeholder="${s('login.username')}" value="${esc(o.username ?? '')}" required autofocus>
        </div>
        <div class="input-icon">
          ${ICONS.lock}
          <label class="sr-only" for="password">${s('login.password')}</label>
          <input id="password" name="password" type="password" class="form-control" autocomplete="current-password" placeholder="${s('login.password')}" required>
        </div>
        <p class="form-error" role="alert"${o.error ? '' : ' hidden'}>${esc(o.error ?? '')}</p>
        <button type="submit" class="btn btn-primary btn-block btn-lg">${s('login.submit')}</button>
        <a class="login-link" href="#">${s('login.forgot')}</a>
      </form>
    </div>
    ${langSwitch(lang)}
  </div>
</main>`;
  return documentHtml({ lang, title: `${t(lang, 'login.submit')} · CloudMC`, bodyClass: 'login-page', css: ['login.css'], body, scripts: ['login.js'] });
}
