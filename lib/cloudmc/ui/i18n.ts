import { browser } from 'wxt/browser';

type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

/** A string of _locales in the browser's language, or the English fallback beside it. */
export const t = (key: MessageKey, fallback: string): string => browser.i18n.getMessage(key) || fallback;
