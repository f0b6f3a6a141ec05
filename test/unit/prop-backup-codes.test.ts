// @vitest-environment happy-dom
/**
 * Property-based tests of findBackupCodes (lib/page-ui/backup-codes.ts): on generated
 * pages holding lists of 0..12 numbers of 6..10 digits, it answers the 8 codes exactly when one
 * container shows exactly 8 distinct items of one length, in page order, and null otherwise; it
 * never throws.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findBackupCodes } from '@/lib/page-ui/backup-codes';
import { isBackupCodeSet } from '@/lib/otp/backup-codes';
import { createEnrollment, type EnrollDeps } from '@/lib/background/enroll';
import { ReplyError } from '@/lib/messages/router';
import type { Vault } from '@/lib/vault';

afterEach(() => {
  document.body.innerHTML = '';
});

interface Item {
  digits: string;
  hidden: boolean;
  pad: string;
}

/** How one list renders its items (one template per list, as a real page does). */
const TEMPLATES = {
  li: (c: string) => `<li>${c}</li>`,
  'li-span': (c: string) => `<li><span>${c}</span></li>`,
  'li-check': (c: string) => `<li><span class="check" aria-hidden="true"></span><span class="code">${c}</span></li>`,
  'li-checkbox': (c: string) => `<li><input type="checkbox"> ${c}</li>`,
  'li-glyph': (c: string) => `<li><span>☐</span> ${c}</li>`,
  p: (c: string) => `<p>${c}</p>`,
  'div-code': (c: string) => `<div><code>${c}</code></div>`,
  tr: (c: string) => `<tr><td>${c}</td></tr>`,
} as const;
type Template = keyof typeof TEMPLATES;
const CONTAINER: Record<Template, [string, string]> = {
  li: ['<ul>', '</ul>'],
  'li-span': ['<ol>', '</ol>'],
  'li-check': ['<ul class="codes">', '</ul>'],
  'li-checkbox': ['<ul>', '</ul>'],
  'li-glyph': ['<ul>', '</ul>'],
  p: ['<div>', '</div>'],
  'div-code': ['<div class="grid">', '</div>'],
  tr: ['<table><tbody>', '</tbody></table>'],
};

const digits = fc.integer({ min: 6, max: 10 }).chain((n) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`)));
/** Mostly 8 digits, so that exactly 8 of them is common; some hidden. */
const itemOf = fc.record<Item>({
  digits: fc.oneof({ weight: 3, arbitrary: fc.stringMatching(/^[0-9]{8}$/) }, { weight: 1, arbitrary: digits }),
  hidden: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  pad: fc.constantFrom('', ' ', '\n  ', '\t'),
});

/** Text around a list that is not a code: headings, instructions, numbers inside sentences. */
const decoy = fc.constantFrom(
  '<h4>Backup codes</h4>',
  '<p>Codes de secours : conservez-les en lieu sûr.</p>',
  '<p>Generated on 2024-01-31 at 12:00</p>',
  '<p>Call 514-555-0199 or write to support</p>',
  '<p>Order #12345678 shipped</p>',
  '<button>Print</button><button>Done</button>',
  '',
);

interface Block {
  template: Template;
  items: Item[];
  before: string;
  after: string;
}
const block = fc.record<Block>({
  template: fc.constantFrom(...(Object.keys(TEMPLATES) as Template[])),
  items: fc.array(itemOf, { maxLength: 12 }),
  before: decoy,
  after: decoy,
});

function renderBlock(b: Block): string {
  const [open, close] = CONTAINER[b.template];
  const body = b.items
    .map((i) => {
      const html = TEMPLATES[b.template](`${i.pad}${i.digits}${i.pad}`);
      return i.hidden ? html.replace(/^<(\w+)/, '<$1 hidden') : html;
    })
    .join('');
  return `${b.before}${open}${body}${close}${b.after}`;
}
/** Visible items of a block, in order. */
const shownOf = (b: Block) => b.items.filter((i) => !i.hidden).map((i) => i.digits);
/** A set of codes: 8 distinct numbers of one length (CloudMC shows 8; portals use 6 to 10 digits). */
const isSet = (codes: string[]) => codes.length === 8 && new Set(codes).size === 8 && new Set(codes.map((c) => c.length)).size === 1;
/** What the user sees as the codes of a block, or [] when it shows no set. */
const codesOf = (b: Block) => (isSet(shownOf(b)) ? shownOf(b) : []);

function find(): string[] | null {
  try {
    return findBackupCodes(document);
  } catch (e) {
    throw new Error(`findBackupCodes threw on ${document.body.innerHTML}: ${String(e)}`);
  }
}

describe('findBackupCodes on generated pages', () => {
  it('one list of 0..12 numbers of 6..10 digits: the 8 codes iff exactly 8 distinct items of one length are shown', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(block, fc.integer({ min: 0, max: 3 }), (b, depth) => {
        document.body.innerHTML = `${'<div>'.repeat(depth)}${renderBlock(b)}${'</div>'.repeat(depth)}`;
        const codes = codesOf(b);
        expect(find()).toEqual(codes.length === 8 ? codes : null);
      }),
      { numRuns: 200 },
    );
  });

  it('exactly 8 items, all of 8 digits, in any template: always found, in page order', () => {
    fc.assert(
      fc.property(fc.constantFrom(...(Object.keys(TEMPLATES) as Template[])), fc.array(fc.stringMatching(/^[0-9]{8}$/), { minLength: 8, maxLength: 8 }), decoy, (template, codes, before) => {
        document.body.innerHTML = renderBlock({ template, items: codes.map((digits) => ({ digits, hidden: false, pad: '' })), before, after: '' });
        expect(find()).toEqual(codes);
      }),
      { numRuns: 100 },
    );
  });

  it('several lists far apart on the page: the codes only when exactly one list qualifies (two sets: ambiguous)', { timeout: 30_000 }, () => {
    // Each list sits 5 wrappers deep, beyond the 4 levels within which items are grouped.
    const deep = (html: string) => `<section>${'<div>'.repeat(5)}${html}${'</div>'.repeat(5)}</section>`;
    fc.assert(
      fc.property(fc.array(block, { maxLength: 3 }), (blocks) => {
        document.body.innerHTML = blocks.map((b) => deep(renderBlock(b))).join('');
        const qualifying = blocks.map(codesOf).filter((c) => c.length === 8);
        expect(find()).toEqual(qualifying.length === 1 ? qualifying[0] : null);
      }),
      { numRuns: 150 },
    );
  });

  it('eight codes in rows that also hold other text (an invoice table) are never codes', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[0-9]{8}$/), { minLength: 8, maxLength: 8 }), fc.constantFrom('Paid', '12.50 $', 'Facture', 'Pagado'), (codes, cell) => {
        document.body.innerHTML = `<table><tbody>${codes.map((c) => `<tr><td>${c}</td><td>${cell}</td></tr>`).join('')}</tbody></table>`;
        expect(find()).toBeNull();
      }),
      { numRuns: 40 },
    );
  });

  // BUG (found by the property above with a digits-only cell; shrunk to 8 x "00000000" and
  // "2024"): the branch check of findBackupCodes strips /\d{8}/ runs from a branch's
  // textContent, and textContent glues adjacent cells together ("00000000" + "2024" ->
  // "000000002024"). At the <table> level the single branch is <tbody>, whose 96 glued digits
  // are 12 runs of 8: nothing is left, so 8 invoice rows (id + year) are taken as backup codes,
  // and with a user action they would replace the stored ones. Remove `.fails` once fixed.
  it('eight invoice rows of an 8-digit id and a 4-digit year are not backup codes', () => {
    const ids = ['10000001', '10000002', '10000003', '10000004', '10000005', '10000006', '10000007', '10000008'];
    document.body.innerHTML = `<table><tbody>${ids.map((c) => `<tr><td>${c}</td><td>2024</td></tr>`).join('')}</tbody></table>`;
    expect(find()).toBeNull();
  });

  it('arbitrary markup with numbers never throws, and any answer is a set of 8 codes shown on the page', { timeout: 30_000 }, () => {
    const tag = fc.constantFrom('div', 'ul', 'li', 'ol', 'p', 'span', 'table', 'tbody', 'tr', 'td', 'section', 'code', 'b', 'label', 'button');
    const text = fc.oneof(digits, fc.string({ unit: 'grapheme', maxLength: 8 }), fc.constantFrom('☐', ' ', '-', '12345678', ' 87654321 '));
    const { tree } = fc.letrec<{ tree: string; node: string }>((tie) => ({
      tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, tie('node')),
      node: fc
        .tuple(tag, fc.constantFrom('', ' hidden', ' style="display:none"', ' style="visibility:hidden"', ' aria-hidden="true"'), fc.array(tie('tree'), { maxLength: 6 }))
        .map(([t, attr, children]) => `<${t}${attr}>${children.join('')}</${t}>`),
    }));
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 4 }), (parts) => {
        document.body.innerHTML = parts.join('');
        const found = find();
        if (found === null) return;
        expect(found).toHaveLength(8);
        const texts = new Set<string>();
        const walker = document.createTreeWalker(document.body, 4);
        for (let t: Node | null; (t = walker.nextNode()); ) texts.add(t.nodeValue!.trim());
        expect(isBackupCodeSet(found)).toBe(true);
        for (const c of found) expect([...texts].some((t) => t.includes(c))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe("the background's check of what the content script reports (enroll.ts backupShown)", () => {
  // Only what backupShown reaches before it looks at the vault: a locked vault stub suffices.
  let vaultCalls = 0;
  const enrollment = createEnrollment({
    vault: async () => {
      vaultCalls++;
      return { session: { isUnlocked: () => false } } as unknown as Vault;
    },
  } as unknown as EnrollDeps);
  const sender = { origin: 'https://charter.dev.cloudmc.io', tabId: 1 };
  // The contract, written out apart from lib/otp/backup-codes.ts: 4 to 20 codes, each groups of
  // ASCII letters/digits joined by one space or dash, 6 to 24 of them with at least one digit,
  // none equal to another once separators and case are dropped.
  const key = (c: string) => c.replace(/[ -]/g, '').toLowerCase();
  const valid = (codes: string[]) =>
    codes.length >= 4 &&
    codes.length <= 20 &&
    codes.every((c) => /^[A-Za-z0-9]+([ -][A-Za-z0-9]+)*$/.test(c) && key(c).length >= 6 && key(c).length <= 24 && /[0-9]/.test(c)) &&
    new Set(codes.map(key)).size === codes.length;

  it('any list of strings: a set of distinct codes as portals show them goes on, anything else is refused before the vault is touched', async () => {
    const code = fc.oneof(
      fc.stringMatching(/^[0-9]{8}$/),
      fc.stringMatching(/^[a-z0-9]{4}[ -][a-z0-9]{4}$/),
      digits,
      fc.string({ maxLength: 10 }),
      fc.constantFrom('1234567 ', '１２３４５６７８', '12345678\n', '-1234567', '1e7', 'abcdefgh', '1234--5678', '12 34'),
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.array(code, { maxLength: 22 }), fc.array(fc.stringMatching(/^[0-9]{8}$/), { minLength: 8, maxLength: 8 })), fc.boolean(), async (codes, userAction) => {
        vaultCalls = 0;
        try {
          expect(await enrollment.backupShown(sender, codes, userAction)).toEqual({ status: 'locked' });
          expect(valid(codes)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(ReplyError);
          expect((e as ReplyError).code).toBe('invalid-backup-codes');
          expect(valid(codes)).toBe(false);
          expect(vaultCalls).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('what findBackupCodes finds on a generated page passes that check unless two codes are equal', async () => {
    await fc.assert(
      fc.asyncProperty(block, async (b) => {
        document.body.innerHTML = renderBlock(b);
        const found = find();
        if (!found) return;
        const answer = enrollment.backupShown(sender, found, false);
        if (new Set(found.map(key)).size === found.length) await expect(answer).resolves.toEqual({ status: 'locked' });
        else await expect(answer).rejects.toMatchObject({ code: 'invalid-backup-codes' });
      }),
      { numRuns: 100 },
    );
  });
});
