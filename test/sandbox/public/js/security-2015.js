// My profile, 2015 UI: the "Two-factor authentication" section. Built here after
// GET /api/profile/2fa: Status Disabled/Enabled with Enable, or Regenerate / Disable; after the
// password validation, the QR + "Alternatively, you can manually type in the following code"
// + the 6-digit input with Verify and Save / Cancel; then the "Backup Codes" modal.
import { codeInput, formatDate, groupSecret, h, icon, loadOptions, loadStrings, openModal, passwordPrompt, renderBackupCodes, renderQr, renderRoot, refusedAlert, tfaApi } from './common.js';

const S = await loadStrings();
const O = await loadOptions();
// With the `shadow` option the section lives in an open shadow root; modals stay on document.body, as overlays do.
const root = renderRoot(document.getElementById('two-factor-auth'), O.shadow);
const lang = document.documentElement.lang;

function section(...children) {
  return [h('h3', { class: 'section-heading' }, S['s15.title']), h('hr'), ...children];
}

async function showStatus() {
  const r = await tfaApi.status();
  root.replaceChildren(...statusView(r.data.enabled));
}

function statusView(enabled) {
  const actions = enabled
    ? [
        h('button', { type: 'button', class: 'btn btn-default', id: 'tfa-regenerate', onclick: onRegenerate }, S['s15.regenerate']),
        h('button', { type: 'button', class: 'btn btn-default', id: 'tfa-disable', onclick: onDisable }, S['s15.disable']),
      ]
    : [h('button', { type: 'button', class: 'btn btn-default', id: 'tfa-enable', onclick: onEnable }, S['s15.enable'])];
  return section(
    h(
      'div',
      { class: 'row tfa-status' },
      h('div', { class: 'col-sm-2 status-label' }, S['s15.status']),
      h('div', { class: 'col-sm-4' }, h('strong', { class: 'status-value' }, enabled ? S['s15.enabled'] : S['s15.disabled'])),
      h('div', { class: 'col-sm-6 text-right' }, ...actions),
    ),
    h('div', { class: 'alert alert-info' }, icon('info'), h('span', {}, S['s15.info'])),
  );
}

async function onEnable() {
  if (!(await passwordPrompt(S, S['pwd.title2015']))) return;
  const r = await tfaApi.setup();
  if (!r.ok) return showStatus();
  root.replaceChildren(...setupView(r.data));
}

function setupView({ secret, qr }) {
  const code = codeInput({ id: 'verification-code', name: 'verificationCode', type: 'text', class: 'form-control', maxlength: 6, autocomplete: 'off' }, O.splitInputs, S['s15.step2']);
  const verify = h('button', { type: 'submit', class: 'btn btn-primary', disabled: true }, S['s15.verify']);
  const error = refusedAlert();
  // Like the original (Angular ng-disabled): Verify and Save stays disabled until 6 digits are typed.
  code.onInput(() => (verify.disabled = !/^\d{6}$/.test(code.value())));
  const cancel = () => tfaApi.cancel().then(showStatus);
  const form = h(
    'form',
    { class: 'tfa-setup', id: 'tfa-setup-form', novalidate: true },
    h('p', {}, S['s15.setup']),
    h(
      'div',
      { class: 'tfa-setup-steps' },
      h('p', {}, S['s15.step1']),
      h('div', { class: 'tfa-qr' }, renderQr(qr, S['tfa.qrAlt'])),
      h('p', { class: 'tfa-manual' }, S['s15.manual']),
      h('div', { class: 'well well-sm secret-key' }, groupSecret(secret)),
      h('div', { class: 'form-inline tfa-verify' }, code.el, h('label', { for: 'verification-code' }, S['s15.step2'])),
    ),
    error.el,
    h('div', { class: 'tfa-buttons' }, verify, ' ', h('button', { type: 'button', class: 'btn btn-default', onclick: cancel }, S['s15.cancel'])),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (verify.disabled) return;
    verify.disabled = true;
    const r = await tfaApi.enable(code.value());
    if (r.ok) {
      await showStatus();
      return backupCodesModal(r.data.backupCodes, r.data.generatedAt);
    }
    verify.disabled = false;
    error.show(S['s15.invalidCode']);
    code.select();
  });
  return section(form);
}

function backupCodesModal(codes, generatedAt) {
  const modal = h(
    'div',
    { class: 'modal fade in', id: 'backup-codes-modal', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'backup-codes-title', style: 'display:block' },
    h(
      'div',
      { class: 'modal-dialog' },
      h(
        'div',
        { class: 'modal-content' },
        h(
          'div',
          { class: 'modal-header' },
          h('button', { type: 'button', class: 'close', 'aria-label': S['s15.close'], onclick: () => close() }, '×'),
          h('h4', { class: 'modal-title', id: 'backup-codes-title' }, S['s15.modalTitle']),
        ),
        h(
          'div',
          { class: 'modal-body' },
          h('h4', { class: 'backup-warning' }, icon('warning'), ' ', S['s15.warn']),
          h('p', {}, S['s15.p1']),
          h('p', {}, S['s15.p2']),
          renderBackupCodes(codes, O.backupCodes, 'backup-code-list', (c) => h('li', {}, h('span', { class: 'check-square', 'aria-hidden': 'true' }), h('span', { class: 'backup-code' }, c))),
          h('p', { class: 'generated-on' }, S['s15.generated'].replace('{date}', formatDate(generatedAt, lang))),
        ),
        h(
          'div',
          { class: 'modal-footer' },
          h('button', { type: 'button', class: 'btn btn-default', onclick: () => window.print() }, icon('print'), ' ', S['s15.print']),
          h('button', { type: 'button', class: 'btn btn-primary', onclick: () => close() }, S['s15.close']),
        ),
      ),
    ),
  );
  const close = openModal(modal);
}

async function onRegenerate() {
  const r = await tfaApi.backupCodes();
  if (r.ok) backupCodesModal(r.data.backupCodes, r.data.generatedAt);
}

async function onDisable() {
  if (!(await passwordPrompt(S, S['pwd.title2015']))) return;
  await tfaApi.disable();
  showStatus();
}

await showStatus();
