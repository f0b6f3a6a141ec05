// @vitest-environment happy-dom
/**
 * Issue 10, item 3: regenerated codes count as the user's only after a click on a button of
 * the 2FA section, a few seconds before they appear.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const sent = vi.hoisted(() => [] as Array<{ codes: string[]; userAction: boolean }>);
vi.mock('@/lib/messages/client', () => ({
  pageRequest: async (m: { codes: string[]; userAction: boolean }) => {
    sent.push(m);
    return { ok: true, value: { status: 'ignored', reason: 'no-user-action' } };
  },
}));
vi.mock('@/lib/content/i18n', () => ({ t: (k: string) => k }));
// The full look at the codes and the report live in the injected page UI bundle; here, the same functions, loaded directly.
vi.mock('@/lib/content/load-page-ui', async () => {
  const { findBackupCodes } = await import('@/lib/page-ui/backup-codes');
  const { reportBackupCodes } = await import('@/lib/page-ui/backup-report');
  return { pageUi: async () => ({ findBackupCodes, reportBackupCodes }) };
});

const { captureBackupCodes, USER_ACTION_WINDOW_MS } = await import('@/lib/content/features/capture-backup-codes');

const CODES = ['60083012', '10361836', '74028727', '72564472', '27583422', '70126425', '59359676', '12665747'];
const codeList = () => `<ul class="codes">${CODES.map((c) => `<li>${c}</li>`).join('')}</ul>`;

let clock = 1000;
let controller: AbortController;
beforeEach(() => {
  sent.length = 0;
  controller = new AbortController();
  document.body.innerHTML =
    '<section id="tfa"><button id="regenerate">Regenerate</button><div id="slot"></div></section>' +
    '<section id="other"><button id="elsewhere">Like</button><span id="text">text</span><div id="other-slot"></div></section>';
});
afterEach(() => controller.abort());

function trustedClick(el: Element) {
  const e = new MouseEvent('click', { bubbles: true });
  Object.defineProperty(e, 'isTrusted', { value: true });
  el.dispatchEvent(e);
}

async function show(where: string, html = codeList()) {
  const scan = captureBackupCodes(controller.signal, () => clock);
  return { scan, put: () => { document.querySelector(where)!.innerHTML = html; scan(); } };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('userAction', () => {
  it('true for codes shown in the clicked button\'s section within the window', async () => {
    const { put } = await show('#slot');
    trustedClick(document.getElementById('regenerate')!);
    clock += USER_ACTION_WINDOW_MS;
    put();
    await flush();
    expect(sent.map((m) => m.userAction)).toEqual([true]);
  });

  it('false after the window', async () => {
    const { put } = await show('#slot');
    trustedClick(document.getElementById('regenerate')!);
    clock += USER_ACTION_WINDOW_MS + 1;
    put();
    await flush();
    expect(sent.map((m) => m.userAction)).toEqual([false]);
  });

  it('false after a click that is not on a button', async () => {
    const { put } = await show('#slot');
    trustedClick(document.getElementById('text')!);
    put();
    await flush();
    expect(sent.map((m) => m.userAction)).toEqual([false]);
  });

  it('false for codes in another section than the clicked button', async () => {
    const { put } = await show('#slot');
    trustedClick(document.getElementById('elsewhere')!);
    put();
    await flush();
    expect(sent.map((m) => m.userAction)).toEqual([false]);
  });

  it('true for codes in a dialog that opened after the click (2015 modal)', async () => {
    const scan = captureBackupCodes(controller.signal, () => clock);
    trustedClick(document.getElementById('regenerate')!);
    document.body.insertAdjacentHTML('beforeend', `<div class="modal" role="dialog">${codeList()}</div>`);
    scan();
    await flush();
    expect(sent.map((m) => m.userAction)).toEqual([true]);
  });

  it('false for a dialog that was already open at the click', async () => {
    document.body.insertAdjacentHTML('beforeend', '<div class="modal" role="dialog" id="old"></div>');
    const scan = captureBackupCodes(controller.signal, () => clock);
    trustedClick(document.getElementById('elsewhere')!);
    document.getElementById('old')!.innerHTML = codeList();
    scan();
    await flush();
    expect(sent.map((m) => m.userAction)).toEqual([false]);
  });
});
