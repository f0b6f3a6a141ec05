/** Count-dependent strings pick their form by the CLDR rules of the locale the messages are in. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeT, plural } from '@/lib/i18n';

/** t over a locale's messages.json, substituting `$1`… as browser.i18n.getMessage does. */
function tFor(lang: string) {
  const messages: Record<string, { message: string }> = JSON.parse(
    readFileSync(join(__dirname, '../../public/_locales', lang, 'messages.json'), 'utf8'),
  );
  return makeT((key, subs) => messages[key]?.message.replace(/\$(\d)/g, (_, i: string) => subs?.[Number(i) - 1] ?? '') ?? '');
}

describe('plural', () => {
  it('English: only 1 is singular', () => {
    const t = tFor('en');
    expect([0, 1, 2, 5].map((n) => plural(t, 'lockMinutes', n))).toEqual([
      'After 0 minutes',
      'After 1 minute',
      'After 2 minutes',
      'After 5 minutes',
    ]);
  });

  it('French: 0 and 1 are singular', () => {
    const t = tFor('fr');
    expect([0, 1, 2, 5].map((n) => plural(t, 'lockMinutes', n))).toEqual([
      'Après 0 minute',
      'Après 1 minute',
      'Après 2 minutes',
      'Après 5 minutes',
    ]);
  });

  it("a category the locale's file has no form for (French 'many') takes the _other form", () => {
    const t = tFor('fr');
    expect(new Intl.PluralRules('fr').select(1_000_000)).toBe('many');
    expect(plural(t, 'secondsLeft', 1_000_000)).toBe('1000000 secondes restantes');
  });

  it('substitutions other than the count are passed on', () => {
    expect(plural(tFor('en'), 'deleteBody', 1, [1, 'bob@portal'])).toBe(
      'The secret and the backup code for bob@portal will be deleted from this browser.',
    );
    expect(plural(tFor('es'), 'deleteBody', 8, [8, 'bob@portal'])).toBe(
      'El secreto y los 8 códigos de respaldo de bob@portal se eliminarán de este navegador.',
    );
  });

  it('only keys with both a _one and an _other form are plural bases', () => {
    const t = tFor('en');
    // @ts-expect-error lockMinute is no plural base (tsc catches a missing form)
    expect(plural(t, 'lockMinute', 1)).toBe('lockMinute_other');
  });
});
