/**
 * `t(key, subs)` over a `getMessage` (browser.i18n.getMessage in the extension pages). Strings
 * live in public/_locales/<lang>/messages.json and use `$1`…`$9` for substitutions. A missing
 * key shows itself rather than an empty string, so a gap is visible, never silent.
 */
import type { WxtI18n } from 'wxt/browser';

/**
 * Every key of public/_locales/en/messages.json, from the types WXT generates (`wxt prepare`),
 * so that tsc catches a key that does not exist. (The last getMessage overload lists them all.)
 */
export type MessageKey = Parameters<WxtI18n['getMessage']>[0];

export type GetMessage = (key: string, substitutions?: string[]) => string;

export function makeT(getMessage: GetMessage) {
  return (key: MessageKey, subs?: string | number | Array<string | number>): string => {
    const list = subs === undefined ? undefined : (Array.isArray(subs) ? subs : [subs]).map(String);
    return getMessage(key, list) || key;
  };
}
