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
/** The 2FA endpoints both profile pages call; each page draws its own UI around them. */
export const tfaApi = {
  status: () => api('GET', '/api/profile/2fa'),
  setup: () => api('POST', '/api/profile/2fa/setup', {}),
  cancel: () => api('POST', '/api/profile/2fa/cancel', {}),
  enable: (code) => api('POST', '/api/profile/2fa/enable', { code }),
  backupCodes: () => api('POST', '/api/profile/2fa/backup-codes', {}),
  disable: () => api('POST', '/api/profile/2fa/disable', {}),
};

/** The alert under a setup form: hidden until a code is refused. */
export function refusedAlert() {
  const el = h('div', { class: 'alert alert-danger', role: 'alert', hidden: true });
  return {
    el,
    show(text) {
      el.textContent = text;
      el.hidden = false;
    },
  };
}

export async function loadStrings() {
  strings ??= fetch('/api/i18n', { credentials: 'same-origin' }).then((r) => r.json());
  return (await strings).strings;
}

/** The sandbox's drawing options: { shadow, splitInputs, backupCodes } (same fetch as the labels). */
export async function loadOptions() {
  await loadStrings();
  return (await strings).options;
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
  if (THEMES[qr.type]) return themedQr(qr, alt);
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

// --- themed QR renderings: drawn here from the module matrix, shown as an <img> (or a CSS background) ---

function paintModules(g, qr, ox, oy, dark) {
  g.fillStyle = dark;
  qr.modules.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) if (row[x] === '1') g.fillRect(ox + (x + qr.margin) * qr.scale, oy + (y + qr.margin) * qr.scale, qr.scale, qr.scale);
  });
}

function qrCanvas(w, hgt) {
  const c = document.createElement('canvas');
  c.width = w;
  c.height = hgt;
  return [c, c.getContext('2d')];
}

/** The code alone: `dark` modules on a `light` square (its quiet zone included). */
function flatQr(qr, light, dark) {
  const [c, g] = qrCanvas(qr.size, qr.size);
  g.fillStyle = light;
  g.fillRect(0, 0, qr.size, qr.size);
  paintModules(g, qr, 0, 0, dark);
  return [c, g];
}

const THEMES = {
  // Brand-blue modules on a light blue tint.
  coloured: (qr) => flatQr(qr, '#e3eefb', '#1d4f91')[0],
  // Error correction H; a rounded logo badge covers the centre (about 20 % of the width).
  logo(qr) {
    const [c, g] = flatQr(qr, '#fff', '#000');
    const n = qr.modules.length * qr.scale;
    const side = Math.round(n * 0.22);
    const at = Math.round((qr.size - side) / 2);
    g.fillStyle = '#fff';
    g.fillRect(at - 3, at - 3, side + 6, side + 6);
    g.fillStyle = '#e8542e';
    g.beginPath();
    g.roundRect(at, at, side, side, 6);
    g.fill();
    g.fillStyle = '#fff';
    g.font = `bold ${Math.round(side * 0.6)}px sans-serif`;
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    g.fillText('C', at + side / 2, at + side / 2 + 1);
    return c;
  },
  // Dark mode: light modules on the card's dark background (quiet zone dark too).
  inverted: (qr) => flatQr(qr, '#1e2430', '#e9edf2')[0],
  // One wide image (4.5x wider than tall): coloured frame, the QR on the left, a caption on the right.
  composite(qr) {
    const pad = 16;
    const hgt = qr.size + 2 * pad;
    const w = Math.round(hgt * 4.5);
    const [c, g] = qrCanvas(w, hgt);
    g.fillStyle = '#0b6e4f';
    g.fillRect(0, 0, w, hgt);
    g.fillStyle = '#f4fbf7';
    g.fillRect(6, 6, w - 12, hgt - 12);
    g.fillStyle = '#fff';
    g.fillRect(pad, pad, qr.size, qr.size);
    paintModules(g, qr, pad, pad, '#000');
    g.fillStyle = '#0b6e4f';
    g.font = 'bold 28px sans-serif';
    g.textBaseline = 'middle';
    g.fillText('CloudMC', qr.size + 3 * pad, hgt / 2 - 22);
    g.font = '18px sans-serif';
    g.fillText('Scan with your authenticator app', qr.size + 3 * pad, hgt / 2 + 16);
    return c;
  },
  'css-bg': (qr) => flatQr(qr, '#fff', '#000')[0],
};

function themedQr(qr, alt) {
  const c = THEMES[qr.type](qr);
  const src = c.toDataURL('image/png');
  if (qr.type === 'css-bg') {
    return h('div', { class: 'qr-code', role: 'img', 'aria-label': alt, style: `width:${c.width}px;height:${c.height}px;background:#fff url("${src}") center / contain no-repeat` });
  }
  const img = h('img', { class: 'qr-code', src, alt, width: c.width, height: c.height });
  if (qr.type === 'inverted') return h('div', { class: 'qr-dark-card', style: 'display:inline-block;padding:12px;background:#1e2430;border-radius:8px' }, img);
  return img;
}

// --- shadow roots, split inputs, backup-code listings -------------------------------------------

/**
 * With the `shadow` option, `container` gets a custom element whose open shadow root holds the
 * content (Lit / Angular ShadowDom style), with the page's stylesheets adopted by <link>.
 * Returns the element to render into: a div inside the shadow root, or `container` itself.
 */
export function renderRoot(container, shadow, tag = 'cmc-two-factor-card') {
  if (!shadow) return container;
  const host = document.createElement(tag);
  const sr = host.attachShadow({ mode: 'open' });
  for (const link of document.querySelectorAll('link[rel=stylesheet]')) sr.append(link.cloneNode());
  const inner = document.createElement('div');
  inner.className = 'shadow-content';
  sr.append(inner);
  container.replaceChildren(host);
  return inner;
}

/**
 * The code input: one <input> (attrs as given), or with `split` 6 one-digit boxes inside
 * `div.code-boxes` that advance on typing, go back on Backspace and spread a pasted code.
 * Returns { el, value(), focus(), clear(), select(), onInput(fn) }.
 */
export function codeInput(attrs, split, label) {
  if (!split) {
    const input = h('input', attrs);
    const clear = () => {
      input.value = '';
      input.focus();
    };
    return { el: input, value: () => input.value.trim(), focus: () => input.focus(), clear, select: () => input.select(), onInput: (fn) => input.addEventListener('input', fn) };
  }
  const listeners = [];
  const boxes = Array.from({ length: 6 }, (_, i) =>
    h('input', {
      id: `${attrs.id}-${i + 1}`,
      type: 'text',
      class: 'form-control code-box',
      inputmode: 'numeric',
      maxlength: 1,
      autocomplete: i === 0 ? 'one-time-code' : 'off',
      'aria-label': `${label} ${i + 1}/6`,
      style: 'width:2.4em;display:inline-block;text-align:center;margin-right:4px',
    }),
  );
  const fire = () => listeners.forEach((fn) => fn());
  const spread = (digits, from) => {
    let i = from;
    for (const d of digits) if (i < 6) boxes[i++].value = d;
    boxes[Math.min(i, 5)].focus();
  };
  boxes.forEach((box, i) => {
    box.addEventListener('input', () => {
      const digits = box.value.replace(/\D/g, '');
      box.value = digits.slice(0, 1);
      if (digits.length > 1) spread(digits.slice(1), i + 1);
      else if (digits && i < 5) boxes[i + 1].focus();
      fire();
    });
    box.addEventListener('keydown', (e) => {
      if (e.key === 'Backspace' && !box.value && i > 0) boxes[i - 1].focus();
    });
    box.addEventListener('paste', (e) => {
      const digits = (e.clipboardData?.getData('text') ?? '').replace(/\D/g, '');
      if (!digits) return;
      e.preventDefault();
      spread(digits, i);
      fire();
    });
  });
  const clear = () => {
    boxes.forEach((b) => (b.value = ''));
    boxes[0].focus();
  };
  const el = h('div', { class: 'code-boxes', id: attrs.id, role: 'group', 'aria-label': label }, boxes);
  return {
    el,
    value: () => boxes.map((b) => b.value).join(''),
    focus: () => boxes[0].focus(),
    clear,
    select: clear,
    onInput: (fn) => listeners.push(fn),
  };
}

/**
 * The backup codes as the `backupCodes` option says: `list` = <ul class=listClass> of
 * <li class=itemClass> (or the item built by `item`), `table` = a 2-column table, `pre` = one
 * <pre> block, `dashed` = the list with `1234-5678`.
 */
export function renderBackupCodes(codes, style, listClass, item) {
  if (style === 'table') {
    const rows = [];
    for (let i = 0; i < codes.length; i += 2) rows.push(h('tr', {}, h('td', {}, codes[i]), h('td', {}, codes[i + 1] ?? '')));
    return h('table', { class: `table ${listClass}-table` }, h('tbody', {}, rows));
  }
  if (style === 'pre') return h('pre', { class: `${listClass}-pre` }, codes.join('\n'));
  const shown = style === 'dashed' ? codes.map((c) => `${c.slice(0, 4)}-${c.slice(4)}`) : codes;
  return h('ul', { class: listClass }, shown.map(item));
}
