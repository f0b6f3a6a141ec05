// Shared client code of the sandbox pages: API calls, labels, DOM building, QR rendering,
// the password prompt. Plain ES modules, no build step, like a small hand-written SPA.
import { ICONS } from './icons.js';

/** JSON API call; never throws on HTTP errors, the caller looks at `ok` and `data.error`. */
export async function api(method, path, body) {
  const init = { method, credentials: 'same-origin', headers: {} };
  if (method !== 'GET') {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body ?? {});
  }
  const res = await fetch(path, init);
  let data = {};
  try {
    data = await res.json();
  } catch {
    /* empty or non-JSON body */
  }
  return { ok: res.ok, status: res.status, data };
}

let strings;
/** The label dictionary of the page's language, fetched once from /api/i18n. */
export async function loadStrings() {
  strings ??= fetch('/api/i18n', { credentials: 'same-origin' }).then((r) => r.json());
  return (await strings).strings;
}

/** Tiny hyperscript: h('button', { class: 'btn', onclick }, 'Label'). Text is never parsed as HTML. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === null || v === undefined) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

/** One of the inline SVG icons (trusted markup from the server's icon set). */
export function icon(name) {
  const t = document.createElement('template');
  t.innerHTML = ICONS[name];
  return t.content.firstElementChild;
}

export function groupSecret(secret) {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

export function formatDate(ms, lang) {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-US' : lang, { dateStyle: 'medium' }).format(new Date(ms));
}

/**
 * The enrollment QR, in whichever rendering the server is configured for:
 * img-data / img-url -> <img>, canvas -> <canvas> painted here module by module, svg -> inline <svg>.
 */
export function renderQr(qr, alt) {
  if (qr.type === 'img-data' || qr.type === 'img-url') {
    return h('img', { class: 'qr-code', src: qr.src, alt, width: qr.size, height: qr.size });
  }
  if (qr.type === 'svg') {
    const t = document.createElement('template');
    t.innerHTML = qr.svg.trim();
    const svg = t.content.querySelector('svg');
    svg.setAttribute('class', 'qr-code');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', alt);
    return svg;
  }
  const canvas = h('canvas', { class: 'qr-code', width: qr.size, height: qr.size, role: 'img', 'aria-label': alt });
  const g = canvas.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, qr.size, qr.size);
  g.fillStyle = '#000';
  qr.modules.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (row[x] === '1') g.fillRect((x + qr.margin) * qr.scale, (y + qr.margin) * qr.scale, qr.scale, qr.scale);
    }
  });
  return canvas;
}

/** Appends a Bootstrap-style modal with its backdrop; returns a function that removes both. */
export function openModal(modal) {
  const backdrop = h('div', { class: 'modal-backdrop fade in' });
  document.body.append(backdrop, modal);
  document.body.classList.add('modal-open');
  return () => {
    modal.remove();
    backdrop.remove();
    document.body.classList.remove('modal-open');
  };
}

/**
 * "Confirm your password" before any 2FA change. Resolves true once the server accepted the
 * password (it then allows 2FA changes for a few minutes), false if the user cancelled.
 */
export function passwordPrompt(S, title = S['pwd.title']) {
  return new Promise((resolve) => {
    const input = h('input', { type: 'password', id: 'confirm-password', name: 'password', class: 'form-control', autocomplete: 'current-password' });
    const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const finish = (ok) => {
      close();
      resolve(ok);
    };
    const form = h(
      'form',
      { class: 'modal-content', novalidate: true },
      h(
        'div',
        { class: 'modal-header' },
        h('button', { type: 'button', class: 'close', 'aria-label': S['tfa.cancel'], onclick: () => finish(false) }, '×'),
        h('h4', { class: 'modal-title', id: 'password-modal-title' }, title),
      ),
      h(
        'div',
        { class: 'modal-body' },
        h('p', {}, S['pwd.text']),
        h('label', { for: 'confirm-password' }, S['pwd.label']),
        input,
        error,
      ),
      h(
        'div',
        { class: 'modal-footer' },
        h('button', { type: 'button', class: 'btn btn-default btn-outline', onclick: () => finish(false) }, S['tfa.cancel']),
        h('button', { type: 'submit', class: 'btn btn-primary' }, S['pwd.confirm']),
      ),
    );
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const r = await api('POST', '/api/profile/confirm-password', { password: input.value });
      if (r.ok) return finish(true);
      error.textContent = S['pwd.invalid'];
      error.hidden = false;
      input.select();
    });
    const modal = h(
      'div',
      { class: 'modal fade in', id: 'password-modal', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'password-modal-title', style: 'display:block' },
      h('div', { class: 'modal-dialog modal-sm' }, form),
    );
    const close = openModal(modal);
    input.focus();
  });
}

/** The language switch: remember the choice in the `lang` cookie and reload without ?lang=. */
export function initLangSwitch() {
  const select = document.getElementById('lang-select');
  select?.addEventListener('change', () => {
    document.cookie = `lang=${select.value}; path=/; max-age=31536000; samesite=lax`;
    const url = new URL(location.href);
    url.searchParams.delete('lang');
    location.assign(url.toString());
  });
}
