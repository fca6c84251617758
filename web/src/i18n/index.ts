/**
 * i18next set-up: Simplified Chinese by default, English selectable; the choice is remembered in
 * localStorage under `guatu.lang`.
 */
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en";
import { zhCN } from "./zh-CN";

/** The UI languages. */
export type UiLanguage = "zh-CN" | "en";
/** localStorage key of the chosen language. */
export const LANG_KEY = "guatu.lang";

/** The remembered language, or Chinese. */
export function storedLanguage(): UiLanguage {
  try {
    return localStorage.getItem(LANG_KEY) === "en" ? "en" : "zh-CN";
  } catch {
    return "zh-CN";
  }
}

void i18n.use(initReactI18next).init({
  resources: { "zh-CN": { translation: zhCN }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: "zh-CN",
  interpolation: { escapeValue: false },
});

export default i18n;
