/** Every string the UI asks for exists in every locale, with the same substitutions. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeT } from '@/lib/i18n';

const root = join(__dirname, '../..');
const locales = readdirSync(join(root, 'public/_locales'));
const load = (lang: string): Record<string, { message: string }> =>
  JSON.parse(readFileSync(join(root, 'public/_locales', lang, 'messages.json'), 'utf8'));
const en = load('en');

/**
 * Keys passed to t(): literal first arguments in the extension pages' components and in the
 * content script's UI (lib/cloudmc), plus the few the components build at run time.
 */
function usedKeys(): Set<string> {
  const keys = new Set(['extName', 'extDescription', 'lockMinute', 'lockMinutes']);
  for (const code of ['wrong-passphrase', 'unreachable', 'forbidden', 'internal', 'locked']) {
    keys.add('err_' + code.replace(/-/g, '_'));
  }
  for (const sub of ['components', 'lib/cloudmc']) {
    const dir = join(root, sub);
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((n) => /\.tsx?$/.test(n));
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([A-Za-z_]+)'\s*[,)]/g)) keys.add(m[1]!);
      // t(cond ? 'a' : 'b', …)
      for (const m of text.matchAll(/\bt\([^'()]*\?\s*'([A-Za-z_]+)'\s*:\s*'([A-Za-z_]+)'/g)) keys.add(m[1]!).add(m[2]!);
    }
  }
  return keys;
}

const subs = (s: string) => [...s.matchAll(/\$(\d)/g)].map((m) => m[1]).sort().join(',');

describe('locales', () => {
  it('has en, fr and es', () => {
    expect(locales).toEqual(expect.arrayContaining(['en', 'fr', 'es']));
  });

  it('defines every key the UI uses', () => {
    expect([...usedKeys()].filter((k) => !(k in en))).toEqual([]);
  });

  for (const lang of locales.filter((l) => l !== 'en')) {
    it(`${lang} matches en key for key, substitution for substitution`, () => {
      const other = load(lang);
      expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
      for (const [k, v] of Object.entries(en)) expect([k, subs(other[k]!.message)]).toEqual([k, subs(v.message)]);
    });
  }
});

describe('makeT', () => {
  const t = makeT((key, s) => (key === 'hi' ? `hi ${s?.join('+')}` : ''));
  it('passes substitutions as strings and shows a missing key as itself', () => {
    expect(t('hi', [1, 'b'])).toBe('hi 1+b');
    expect(t('hi', 5)).toBe('hi 5');
    expect(t('nope')).toBe('nope');
  });
});
