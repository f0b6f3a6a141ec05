// My profile > Security, current UI. Everything inside #two-factor is built here after
// GET /api/profile/2fa: the Enable / Manage button, then (after the password prompt) step 1
// (QR + grouped secret) and step 2 (code, Cancel / Enable), then step 3 (8 backup codes inline,
// Print / Done). "Manage" offers Regenerate backup codes / Disable two-factor authentication.
import { codeInput, groupSecret, h, icon, loadOptions, loadStrings, passwordPrompt, renderBackupCodes, renderQr, renderRoot, refusedAlert, tfaApi } from './common.js';

const S = await loadStrings();
const O = await loadOptions();
// With the `shadow` option everything below lives in an open shadow root.
const root = renderRoot(document.getElementById('two-factor'), O.shadow);

async function showStatus() {
  const r = await tfaApi.status();
  root.replaceChildren(r.data.enabled ? enabledView() : disabledView());
}

function intro(lines, button) {
  const text = h('p', { class: 'tfa-intro-text' });
  lines.forEach((line, i) => text.append(...(i ? [h('br'), line] : [line])));
  return h('div', { class: 'tfa-intro' }, icon('phone'), text, button);
}

function disabledView() {
  const button = h('button', { type: 'button', class: 'btn btn-outline btn-rounded', id: 'tfa-enable', onclick: onEnable }, icon('checkCircle'), ' ', S['tfa.enable']);
  return intro([S['tfa.intro1'], S['tfa.intro2']], button);
}

function enabledView() {
  const button = h('button', { type: 'button', class: 'btn btn-outline btn-rounded', id: 'tfa-manage', onclick: onManage }, icon('checkCircle'), ' ', S['tfa.manage']);
  return intro([S['tfa.enabledText']], button);
}

async function onEnable() {
  if (!(await passwordPrompt(S))) return;
  const r = await tfaApi.setup();
  if (!r.ok) return showStatus();
  const view = setupView(r.data);
  root.replaceChildren(view.form);
  view.code.focus();
}

function setupView({ secret, qr }) {
  const code = codeInput({ id: 'tfa-code', name: 'code', type: 'text', class: 'form-control', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: 6 }, O.splitInputs, S['tfa.step2']);
  const error = refusedAlert();
  const enable = h('button', { type: 'submit', class: 'btn btn-primary btn-rounded' }, S['tfa.enableBtn']);
  const cancel = () => tfaApi.cancel().then(showStatus);
  const form = h(
    'form',
    { class: 'tfa-setup', id: 'tfa-setup-form', novalidate: true },
    h('p', { class: 'tfa-step-title' }, S['tfa.step1']),
    h('div', { class: 'tfa-qr' }, renderQr(qr, S['tfa.qrAlt'])),
    h('p', { class: 'tfa-secret' }, h('code', { class: 'secret-key' }, groupSecret(secret))),
    h('label', { class: 'tfa-step-title', for: 'tfa-code' }, S['tfa.step2']),
    h('div', { class: 'tfa-code-input' }, code.el),
    error.el,
    h('div', { class: 'tfa-actions' }, h('button', { type: 'button', class: 'btn btn-outline btn-rounded', onclick: cancel }, S['tfa.cancel']), enable),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    enable.disabled = true;
    const r = await tfaApi.enable(code.value());
    enable.disabled = false;
    if (r.ok) return root.replaceChildren(codesView(r.data.backupCodes, S['tfa.step3']));
    error.show(S['tfa.invalidCode']);
    code.select();
  });
  return { form, code };
}

function codesView(codes, title) {
  return h(
    'div',
    { class: 'tfa-backup', id: 'tfa-backup-codes' },
    h('p', { class: 'tfa-step-title' }, title),
    h('div', { class: 'alert alert-info-outline' }, icon('info'), h('span', {}, S['tfa.backupNotice'])),
    renderBackupCodes(codes, O.backupCodes, 'backup-codes', (c) => h('li', { class: 'backup-code' }, c)),
    h(
      'div',
      { class: 'tfa-actions' },
      h('button', { type: 'button', class: 'btn btn-outline btn-rounded', onclick: () => window.print() }, S['tfa.print']),
      h('button', { type: 'button', class: 'btn btn-primary btn-rounded', onclick: showStatus }, S['tfa.done']),
    ),
  );
}

async function onManage() {
  if (!(await passwordPrompt(S))) return;
  const regenerate = async () => {
    const r = await tfaApi.backupCodes();
    if (!r.ok) return showStatus();
    root.replaceChildren(codesView(r.data.backupCodes, S['tfa.newCodes']));
  };
  const disable = async () => {
    await tfaApi.disable();
    showStatus();
  };
  root.replaceChildren(
    h(
      'div',
      { class: 'tfa-manage' },
      icon('phone'),
      h('p', { class: 'tfa-intro-text' }, S['tfa.manageText']),
      h(
        'div',
        { class: 'tfa-manage-actions' },
        h('button', { type: 'button', class: 'btn btn-outline btn-rounded', id: 'tfa-regenerate', onclick: regenerate }, S['tfa.regenerate']),
        h('button', { type: 'button', class: 'btn btn-danger btn-rounded', id: 'tfa-disable', onclick: disable }, S['tfa.disable']),
      ),
      h('button', { type: 'button', class: 'btn btn-link', onclick: showStatus }, S['tfa.cancel']),
    ),
  );
}

await showStatus();
