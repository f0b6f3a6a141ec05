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

const subs = (s: string) => [...s.matchAll(/\$(\d)/g)].map((m) => m[1]).sort().join(',');

describe('locales', () => {
  it('has en, fr and es', () => {
    expect(locales).toEqual(expect.arrayContaining(['en', 'fr', 'es']));
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
  // Keys are typed (tsc refuses one not in en/messages.json); at run time a locale may still lack one.
  const t = makeT((key, s) => (key === 'passTooShort' ? `short ${s?.join('+')}` : ''));
  it('passes substitutions as strings and shows a missing key as itself', () => {
    expect(t('passTooShort', [1, 'b'])).toBe('short 1+b');
    expect(t('passTooShort', 5)).toBe('short 5');
    expect(t('passMinHint')).toBe('passMinHint');
  });
});
