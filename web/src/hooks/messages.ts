/**
 * Refusals in the UI's language: an API error's code by the shared registry, each detail as
 * "field label：message" from the shared validation vocabulary — never a wire field name or an
 * English sentence inside the Chinese UI.
 */
import { ERRORS, isErrorCode } from "../../../src/shared/errors";
import { fieldLabel } from "../../../src/shared/field-labels";
import { detailText, type Lang } from "../../../src/shared/messages";
import type { ErrorDetail } from "../../../src/vocabulary/index";
import i18n from "../i18n";

/** The UI's language as the shared vocabulary names it. */
export const uiLang = (): Lang => (i18n.language === "en" ? "en" : "zh");

/** A detail's message alone (beside its field). A free text without a key shows in English only. */
export function detailMessage(d: ErrorDetail, lang: Lang = uiLang()): string {
  if (d.key || lang === "en") return detailText(d, lang);
  return lang === "zh" ? "填写有误" : d.message;
}

/** A detail as one line: its field's label and its message. */
export function detailLine(d: ErrorDetail, lang: Lang = uiLang()): string {
  return `${fieldLabel(d.path, lang)}${lang === "zh" ? "：" : ": "}${detailMessage(d, lang)}`;
}

/** An error code's sentence in the UI's language (the API's message when the code is unknown). */
export function codeMessage(code: string, fallback: string, lang: Lang = uiLang()): string {
  return isErrorCode(code) ? ERRORS[code][lang] : fallback;
}
