/**
 * The extension pages' <html lang> and the plural rules both come from the `messagesLocale`
 * message of the locale file the browser picked (lib/pages/platform.ts setPageLang,
 * lib/i18n.ts plural): each file must name its own folder, and the default locale must have one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

it('every locale file names its own folder in messagesLocale', () => {
  const folders = readdirSync('public/_locales');
  expect(folders.length).toBeGreaterThan(0);
  for (const folder of folders) {
    const messages = JSON.parse(readFileSync(`public/_locales/${folder}/messages.json`, 'utf8')) as Record<string, { message: string }>;
    expect(messages.messagesLocale?.message, folder).toBe(folder);
  }
  expect(readFileSync('wxt.config.ts', 'utf8')).toContain("default_locale: 'en'");
});
