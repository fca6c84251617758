/** Hook: the UI language (zh-CN default, English selectable, remembered). */
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { LANG_KEY, type UiLanguage } from "../i18n";

/** The current language, its short form for reason texts, and a setter that remembers it. */
export function useLang() {
  const { i18n } = useTranslation();
  const lang: UiLanguage = i18n.language === "en" ? "en" : "zh-CN";
  const setLang = useCallback(
    (l: UiLanguage) => {
      try {
        localStorage.setItem(LANG_KEY, l);
      } catch {
        /* private mode: the choice lasts for this page only */
      }
      document.documentElement.lang = l;
      void i18n.changeLanguage(l);
    },
    [i18n],
  );
  return { lang, short: (lang === "en" ? "en" : "zh") as "en" | "zh", setLang };
}
