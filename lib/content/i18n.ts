import { browser } from 'wxt/browser';

export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

/** A string of _locales in the browser's language (English where a language lacks it). */
export const t = (key: MessageKey): string => browser.i18n.getMessage(key);
