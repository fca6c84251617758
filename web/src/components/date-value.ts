/**
 * Dates between the wire and the date picker: the API speaks ISO `YYYY-MM-DD` (or `YYYY-MM` for
 * a month), antd's DatePicker speaks dayjs in the app's language. Nothing here changes the wire
 * format, so the shared zod schemas validate what the forms send exactly as before.
 */
import dayjs, { type Dayjs } from "dayjs";
import customParseFormat from "dayjs/plugin/customParseFormat";
import "dayjs/locale/zh-cn";

dayjs.extend(customParseFormat);

/** What a field picks: a day or a month. */
export type DatePickerKind = "date" | "month";

/** The ISO format of each kind, used for the wire and for what the user sees and types. */
export const ISO_FORMAT: Readonly<Record<DatePickerKind, string>> = { date: "YYYY-MM-DD", month: "YYYY-MM" };

/** dayjs's locale for an i18next language: `zh-cn` unless the app is in English. */
export function dayjsLocaleOf(language: string | undefined): "en" | "zh-cn" {
  return language?.startsWith("en") ? "en" : "zh-cn";
}

/** An ISO string as a dayjs value in `locale`; null when empty or not a real date of that format. */
export function fromIso(value: unknown, kind: DatePickerKind, locale: string): Dayjs | null {
  if (typeof value !== "string" || value === "") return null;
  const d = dayjs(value, ISO_FORMAT[kind], true);
  return d.isValid() ? d.locale(locale) : null;
}

/** A picked value as ISO; a cleared field gives "" as a cleared native date input did. */
export function toIso(value: Dayjs | null | undefined, kind: DatePickerKind): string {
  return value ? value.format(ISO_FORMAT[kind]) : "";
}
