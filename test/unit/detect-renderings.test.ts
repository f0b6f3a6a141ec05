// @vitest-environment happy-dom
/**
 * Issue 9: the enrollment step however the portal draws its QR (any image-like element, any
 * aspect ratio, a CSS background), pages in open shadow roots, split one-digit code inputs, and
 * backup codes however listed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fillCode, findChallenge, findEnrollmentStep } from '@/lib/content/detect';
import { findBackupCodes } from '@/lib/page-ui/backup-codes';
import { orderCandidates } from '@/lib/content/detect/enrollment';

const CODES = ['60083012', '10361836', '74028727', '72564472', '27583422', '70126425', '59359676', '12665747'];
const DASHED = ['6008-3012', '1036-1836', '7402-8727', '7256-4472', '2758-3422', '7012-6425', '5935-9676', '1266-5747'];
const LETTERS = ['abc1 efgh', 'ijkl mn2p', 'qrst uvw3', 'xyz2 abc4', 'defg hij5', 'klmn opq6', 'rstu vwx7', 'yzab cde8'];

const step = (qr: string, secret = '<code>WMN2 B6O5 4ADD PUHJ</code>') => `<form class="setup">
  <p>1. Scan</p><div class="qr">${qr}</div><p>${secret}</p>
  <label for="c">2. Code</label><input id="c" autocomplete="one-time-code" inputmode="numeric" maxlength="6">
  <button type="button">Cancel</button><button type="submit" class="btn-primary">Enable</button></form>`;
const splitInputs = (n: number) =>
  `<div class="otp">${Array.from({ length: n }, (_, i) => `<input type="text" inputmode="numeric" maxlength="1" aria-label="Digit ${i + 1}">`).join('')}</div>`;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('enrollment: every image-like element is a candidate when the key is written', () => {
  it.each([
    ['a wide composite img (4:1)', '<img src="data:image/png;base64,AAAA" width="800" height="200">', 'img'],
    ['a picture element', '<picture><source srcset="data:image/webp;base64,AAAA"><img src="data:image/png;base64,AAAA" width="200" height="200"></picture>', 'img'],
    ['an object of an svg', '<object data="data:image/svg+xml;base64,PHN2Zy8+" type="image/svg+xml" width="200" height="200"></object>', 'object'],
    ['an embed', '<embed src="data:image/svg+xml;base64,PHN2Zy8+" type="image/svg+xml" width="200" height="200">', 'embed'],
    // (happy-dom lays nothing out: the sizes come from width/height attributes.)
    ['a CSS background', '<div class="bg" width="200" height="200" style="background-image:url(data:image/png;base64,AAAA)"></div>', 'div'],
    ['an svg made of uses', `<svg width="200" height="200"><defs><rect id="m" width="4" height="4"/></defs>${'<use href="#m" x="8" y="8"/>'.repeat(3)}</svg>`, 'svg'],
  ])('%s', (_, qr, tag) => {
    document.body.innerHTML = step(qr);
    const found = findEnrollmentStep(document)!;
    expect(found.qr.localName).toBe(tag);
    expect(found.secretText).toBe('WMN2B6O54ADDPUHJ');
    expect(found.confirm?.textContent).toBe('Enable');
  });

  it('orders QR-looking candidates first: a square QR before a wide banner in the same step', () => {
    document.body.innerHTML = step('<img class="banner" src="data:image/png;base64,AAAA" width="600" height="120"><img class="qr" src="data:image/png;base64,AAAA" width="200" height="200">');
    const found = findEnrollmentStep(document)!;
    expect(orderCandidates(found).map((c) => c.className)).toEqual(['qr', 'banner']);
  });

  it('without the key, a wide image is no QR (a login challenge under a logo stays a challenge)', () => {
    document.body.innerHTML = step('<img src="data:image/png;base64,AAAA" width="800" height="200">', 'Welcome');
    expect(findEnrollmentStep(document)).toBeNull();
    expect(findChallenge(document)?.input).toBe(document.querySelector('#c'));
  });
});

/** A custom element with an open shadow root holding `html`. */
function shadowPage(html: string, nested = false): ShadowRoot {
  const host = document.createElement('cmc-app');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  if (!nested) {
    root.innerHTML = html;
    return root;
  }
  const inner = document.createElement('cmc-step');
  root.append(inner);
  inner.attachShadow({ mode: 'open' }).innerHTML = html;
  return inner.shadowRoot!;
}

describe('open shadow roots', () => {
  it.each([false, true])('finds the enrollment step in a shadow root (nested: %s)', (nested) => {
    const root = shadowPage(step('<canvas width="200" height="200"></canvas>'), nested);
    const found = findEnrollmentStep(document)!;
    expect(found.codeInput).toBe(root.querySelector('#c'));
    expect(found.qr).toBe(root.querySelector('canvas'));
    expect(found.confirm).toBe(root.querySelector('.btn-primary'));
  });

  it('finds the step when the QR and the input are in different components', () => {
    document.body.innerHTML = '<div class="card"><qr-view></qr-view><code-form></code-form></div>';
    document.querySelector('qr-view')!.attachShadow({ mode: 'open' }).innerHTML = '<canvas width="200" height="200"></canvas><p>WMN2 B6O5 4ADD PUHJ</p>';
    const form = document.querySelector('code-form')!.attachShadow({ mode: 'open' });
    form.innerHTML = '<form><input autocomplete="one-time-code" maxlength="6"><button type="submit">OK</button></form>';
    expect(findEnrollmentStep(document)?.codeInput).toBe(form.querySelector('input'));
  });

  it('finds the login challenge and backup codes in a shadow root', () => {
    const root = shadowPage('<form><p>Enter the code</p><input name="code" maxlength="6"><button type="submit">Continue</button></form>');
    expect(findChallenge(document)).toMatchObject({ input: root.querySelector('input'), kind: 'totp', submit: root.querySelector('button') });
    document.body.innerHTML = '';
    shadowPage(`<ul>${CODES.map((c) => `<li>${c}</li>`).join('')}</ul>`, true);
    expect(findBackupCodes(document)).toEqual(CODES);
  });

  it('never looks into a closed shadow root', () => {
    const host = document.createElement('div');
    document.body.append(host);
    host.attachShadow({ mode: 'closed' }).innerHTML = '<form><input name="code" maxlength="6"></form>';
    expect(findChallenge(document)).toBeNull();
  });
});

describe('split one-digit code inputs', () => {
  it('a 6-box widget is the challenge input (its first box), totp; an 8-box one asks for a backup code', () => {
    document.body.innerHTML = `<form>${splitInputs(6)}<button type="submit">Continue</button></form>`;
    const boxes = [...document.querySelectorAll('input')];
    expect(findChallenge(document)).toMatchObject({ input: boxes[0], kind: 'totp' });
    document.body.innerHTML = `<form>${splitInputs(8)}<button type="submit">Continue</button></form>`;
    expect(findChallenge(document)?.kind).toBe('backup');
  });

  it('is the enrollment step\'s code input', () => {
    document.body.innerHTML = step('<canvas width="200" height="200"></canvas>').replace(/<input id="c"[^>]*>/, splitInputs(6));
    expect(findEnrollmentStep(document)?.codeInput).toBe(document.querySelector('input'));
  });

  it('fillCode types one digit per box with the events frameworks listen to, and auto-advance keeps up', () => {
    document.body.innerHTML = `<form>${splitInputs(6)}</form>`;
    const boxes = [...document.querySelectorAll('input')];
    const seen: string[] = [];
    boxes.forEach((box, i) => {
      // An auto-advance widget: on input, focus the next box.
      box.addEventListener('input', (e) => {
        seen.push(`input ${(e as InputEvent).data}`);
        boxes[i + 1]?.focus();
      });
    });
    fillCode(boxes[0]!, '104107');
    expect(boxes.map((b) => b.value).join('')).toBe('104107');
    expect(seen).toEqual(['input 1', 'input 0', 'input 4', 'input 1', 'input 0', 'input 7']);
    expect(document.activeElement).toBe(boxes[5]);
  });

  it('fillCode fills a single input as before', () => {
    document.body.innerHTML = '<input maxlength="6">';
    fillCode(document.querySelector('input')!, '104107');
    expect(document.querySelector('input')!.value).toBe('104107');
  });
});

describe('backup codes however listed', () => {
  const list = (codes: string[]) => `<ul>${codes.map((c) => `<li>${c}</li>`).join('')}</ul>`;

  it.each([
    ['dashed codes in a list', list(DASHED), DASHED],
    ['letters grouped by a space', list(LETTERS), LETTERS],
    ['a table of 8 rows', `<table>${CODES.map((c) => `<tr><td>${c}</td></tr>`).join('')}</table>`, CODES],
    ['two columns of 4', `<div class="cols"><ol>${list(CODES.slice(0, 4))}</ol><ol>${list(CODES.slice(4))}</ol></div>`, CODES],
    ['one pre block, a code a line', `<pre>${CODES.join('\n')}\n</pre>`, CODES],
    ['one pre block, two columns', `<pre>${[0, 2, 4, 6].map((i) => `${DASHED[i]}    ${DASHED[i + 1]}`).join('\n')}</pre>`, DASHED],
    ['lines split by <br>', `<p class="codes">${DASHED.join('<br>')}</p>`, DASHED],
  ])('%s', (_, html, expected) => {
    document.body.innerHTML = `<section><h3>Backup codes</h3>${html}<button>Done</button></section>`;
    expect(findBackupCodes(document)).toEqual(expected);
  });

  it('does not take a pre block of log lines or a list of labelled numbers', () => {
    document.body.innerHTML = `<pre>${CODES.map((c) => `GET /api/${c} 200`).join('\n')}</pre>`;
    expect(findBackupCodes(document)).toBeNull();
    document.body.innerHTML = list(CODES.map((c) => `Code ${c}`));
    expect(findBackupCodes(document)).toBeNull();
  });
});
