/**
 * The extension pages' <html lang> is the locale their messages are shown in, which the browser
 * picks from @@ui_locale among public/_locales (falling back to the default locale, en).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALES, shownLocale } from '@/lib/pages/page-lang';

describe('the pages\' lang', () => {
  it.each([
    ['fr', 'fr'],
    ['fr_CA', 'fr'],
    ['fr-FR', 'fr'],
    ['es_419', 'es'],
    ['en_US', 'en'],
    ['en_GB', 'en'],
    ['de', 'en'],
    ['pt_BR', 'en'],
    ['', 'en'],
  ])('@@ui_locale %j -> lang %j', (uiLocale, lang) => expect(shownLocale(uiLocale)).toBe(lang));

  it('knows the locales the extension ships, and the default one', () => {
    expect([...LOCALES].sort()).toEqual(readdirSync('public/_locales').sort());
    expect(readFileSync('wxt.config.ts', 'utf8')).toContain("default_locale: 'en'");
  });
});
