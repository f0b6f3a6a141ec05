// The login page: the password form is server-rendered; the 2FA challenge is built here once
// the server says a second factor is needed (POST /api/login) or, after a reload, once
// GET /api/login/challenge reports a pending one.
import { api, codeInput, h, icon, initLangSwitch, loadOptions, loadStrings, renderRoot } from './common.js';

initLangSwitch();
// Handlers are attached before anything is awaited, so an early submit never falls back to a
// native form submission (which would put the password in the URL).
let S, O;
const ready = Promise.all([loadStrings(), loadOptions()]).then(([s, o]) => ((S = s), (O = o)));
const card = document.getElementById('login-card');
const view = document.getElementById('login-view');
const loginForm = document.getElementById('login-form');

loginForm.addEventListener('submit', async (e) => {
  e.preventDefault();
  await ready;
  const error = loginForm.querySelector('.form-error');
  const button = loginForm.querySelector('button[type=submit]');
  error.hidden = true;
  button.disabled = true;
  const r = await api('POST', '/api/login', { username: loginForm.username.value, password: loginForm.password.value });
  button.disabled = false;
  if (r.ok && r.data.status === 'ok') return location.assign(r.data.redirect);
  if (r.ok && r.data.status === 'challenge') return showChallenge();
  error.textContent = S['login.invalid'];
  error.hidden = false;
  loginForm.password.select();
});

async function showChallenge() {
  await ready;
  const r = await api('GET', '/api/login/challenge');
  if (r.data.status !== 'pending') return;
  renderChallenge('totp', r.data.locked ? S['challenge.locked'] : '');
}

function renderChallenge(mode, message) {
  const backup = mode === 'backup';
  // The TOTP code is one input, or 6 one-digit boxes with the `splitInputs` option.
  const input = backup
    ? codeInput({ id: 'mfa-backup-code', name: 'backupCode', type: 'text', class: 'form-control', inputmode: 'numeric', autocomplete: 'off', maxlength: 8, 'aria-label': S['challenge.backupPrompt'] }, false)
    : codeInput({ id: 'mfa-code', name: 'code', type: 'text', class: 'form-control', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: 6, pattern: '[0-9]*', 'aria-label': S['challenge.prompt'] }, O.splitInputs, S['challenge.prompt']);
  const error = h('p', { class: 'form-error', role: 'alert', hidden: !message }, message);
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block btn-lg' }, S['challenge.continue']);
  const form = h(
    'form',
    { id: 'mfa-form', class: 'mfa-form', novalidate: true },
    h('p', { class: 'mfa-prompt' }, backup ? S['challenge.backupPrompt'] : S['challenge.prompt']),
    h('div', { class: 'input-icon input-lg' }, icon('key'), input.el),
    h(
      'a',
      {
        href: '#',
        role: 'button',
        class: 'mfa-switch',
        id: backup ? 'mfa-use-app' : 'mfa-use-backup',
        onclick: (e) => {
          e.preventDefault();
          renderChallenge(backup ? 'totp' : 'backup', '');
        },
      },
      backup ? S['challenge.useApp'] : S['challenge.useBackup'],
    ),
    error,
    submit,
    h('button', { type: 'button', class: 'btn btn-outline btn-block btn-lg', id: 'mfa-cancel', onclick: cancel }, S['challenge.cancel']),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const value = input.value();
    if (!value) return input.focus();
    submit.disabled = true;
    const r = await api('POST', '/api/login/verify', backup ? { backupCode: value } : { code: value });
    if (r.ok) return location.assign(r.data.redirect);
    submit.disabled = false;
    const key =
      r.data.error === 'locked' ? 'challenge.locked'
      : r.data.error === 'no_challenge' ? 'challenge.expired'
      : backup ? 'challenge.invalidBackup'
      : 'challenge.invalid';
    error.textContent = S[key];
    error.hidden = false;
    input.clear();
  });
  card.classList.add('is-challenge');
  // With the `shadow` option the challenge lives in an open shadow root (a login web component).
  renderRoot(view, O.shadow, 'cmc-login-challenge').replaceChildren(h('div', { class: 'login-badge', 'aria-hidden': 'true' }, icon('phone')), form);
  input.focus();
}

async function cancel() {
  await api('POST', '/api/login/cancel');
  location.assign('/login');
}

await showChallenge();
