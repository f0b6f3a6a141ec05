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

/**
 * A message with a form per CLDR plural category: `<base>_one` and `<base>_other` at least
 * (tsc refuses a base that lacks either); `_zero`, `_two`, `_few`, `_many` where a locale needs
 * them, else `_other` serves.
 */
export type PluralBase = {
  [K in MessageKey]: K extends `${infer B}_other` ? (`${B}_one` extends MessageKey ? B : never) : never;
}[MessageKey];

type Translate = (key: MessageKey, subs?: string | number | Array<string | number>) => string;

/** English rules where the locale is not one (a getMessage that lacks the message). */
function pluralRules(locale: string): Intl.PluralRules {
  try {
    return new Intl.PluralRules(locale);
  } catch {
    return new Intl.PluralRules('en');
  }
}

/** Per `t` (one per page): its locale's rules, asked once (rows ask every second). */
const rulesOf = new WeakMap<Translate, Intl.PluralRules>();

/**
 * `count`'s form of `base`, by the plural rules of the locale the messages are shown in (the
 * `messagesLocale` message of the file the browser picked, not the UI language: a UI language
 * we have no file for shows English, and English rules must then choose). French puts 0 and 1
 * in `one`, English only 1. `subs` default to the count.
 */
export function plural(t: Translate, base: PluralBase, count: number, subs: string | number | Array<string | number> = count): string {
  let rules = rulesOf.get(t);
  if (!rules) {
    rules = pluralRules(t('messagesLocale'));
    rulesOf.set(t, rules);
  }
  const key = `${base}_${rules.select(count)}` as MessageKey;
  const text = t(key, subs);
  // t shows a missing key as itself: this locale has no form of its own for that category.
  return text === key ? t(`${base}_other`, subs) : text;
}
