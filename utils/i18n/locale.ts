// UI text in zh-CN and en. The browser's language decides unless the user picked one in the
// dashboard (stored by the settings module); browser.i18n cannot switch language at run time,
// so each feature keeps its messages beside it and this module picks the table.

export type Locale = 'zh-CN' | 'en';
export type MessageTable<K extends string> = Record<Locale, Record<K, string>>;

let override: Locale | undefined;

export function setLocaleOverride(locale: Locale | undefined): void {
  override = locale;
}

// Read once: every translated string asks, and navigator.language is a slow getter in a content
// script's world. The browser says when its language changes.
let browserLang: Locale | undefined;
if (typeof addEventListener === 'function') addEventListener('languagechange', () => (browserLang = undefined));

export function browserLocale(): Locale {
  return (browserLang ??= /^zh/i.test(typeof navigator !== 'undefined' ? navigator.language : 'en') ? 'zh-CN' : 'en');
}

export function currentLocale(): Locale {
  return override ?? browserLocale();
}

/** Declares a feature's messages; both languages must define every key (checked by the compiler). */
export function defineMessages<K extends string>(table: MessageTable<K>): MessageTable<K> {
  return table;
}

/** Looks up `key`, filling `{name}` placeholders; text only, never markup. */
export function translate<K extends string>(table: MessageTable<K>, key: K, params?: Record<string, string | number>, locale = currentLocale()): string {
  const text = table[locale][key] ?? table.en[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? `{${p}}`)) : text;
}
