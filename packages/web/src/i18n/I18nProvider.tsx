import { LABELS, type LabelGroup, type Locale, validationMessage } from '@yiting/domain';
import { createContext, type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { setApiLocale } from '../api/client.ts';
import { fontFamily } from '../theme.ts';
import { enUS } from './en-US.ts';
import { zhCN } from './zh-CN.ts';

export type MessageKey = keyof typeof zhCN;
export type MessageVars = Record<string, string | number>;

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  /** A UI text; `{name}` placeholders are filled from `vars`. */
  t: (key: MessageKey, vars?: MessageVars) => string;
  /** A UI text whose key is computed (e.g. an audit action), or undefined when there is none. */
  maybe: (key: string) => string | undefined;
  /** The display name of an enumerated value (LABELS in @yiting/domain). */
  label: <G extends LabelGroup>(group: G, value: string | null | undefined) => string;
  /** A validation code (VALIDATION_MESSAGES) as a sentence. */
  validation: (code: string) => string;
  /** A timestamp in the UI's language (not the browser's), 24-hour clock. */
  dateTime: (iso: string) => string;
}

const STORAGE_KEY = 'yiting.locale';
const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'zh-CN' || saved === 'en-US') return saved;
  } catch {
    // Storage can be disabled (private mode, policies); Chinese is the default then.
  }
  return 'zh-CN';
}

export const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const l = initialLocale();
    setApiLocale(l);
    return l;
  });

  const setLocale = useCallback((l: Locale) => {
    setApiLocale(l);
    setLocaleState(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // Not remembered, but switched for this visit.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
    // Pages outside antd components (and the moment before they render) follow the same font choice.
    document.body.style.fontFamily = fontFamily(locale);
  }, [locale]);

  const value = useMemo<I18n>(() => {
    const dict = DICTIONARIES[locale];
    const en = locale === 'en-US';
    return {
      locale,
      setLocale,
      t: (key, vars) => {
        const text = dict[key] ?? key;
        return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m)) : text;
      },
      maybe: (key) => (dict as Record<string, string>)[key],
      label: (group, value) => {
        if (!value) return '';
        const l = (LABELS[group] as Record<string, { zh: string; en: string }>)[value];
        return l ? (en ? l.en : l.zh) : value;
      },
      validation: (code) => validationMessage(code, locale),
      dateTime: (iso) => new Date(iso).toLocaleString(locale, { hour12: false }),
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
