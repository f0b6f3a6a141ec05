/**
 * The `<html lang>` of the extension pages: the locale their messages are shown in. Not
 * `i18n.getUILanguage()`, which reports the browser's UI language (en-US under a Chromium
 * started with --lang=fr, while the messages are French): the browser picks our messages from
 * `@@ui_locale` (fr_CA -> fr -> the default, en), and so does this.
 */

/** The locales of public/_locales (test/unit/page-lang.test.ts keeps this equal to that folder). */
export const LOCALES = ['en', 'es', 'fr'] as const;
/** manifest default_locale: what the browser shows when it has no messages in the user's language. */
const DEFAULT_LOCALE = 'en';

/** The BCP 47 tag of the locale shown for the browser's `@@ui_locale` ("fr_CA", "en_US", "es_419"). */
export function shownLocale(uiLocale: string): string {
  const parts = uiLocale.toLowerCase().split(/[_-]/);
  // Our locales are languages only; a region-specific folder would be matched here first.
  for (let n = parts.length; n > 0; n--) {
    const tag = parts.slice(0, n).join('_');
    if ((LOCALES as readonly string[]).includes(tag)) return tag.replace('_', '-');
  }
  return DEFAULT_LOCALE;
}
