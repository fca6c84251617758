import { DatePicker } from "antd";
import dayjs from "dayjs";
import type { CSSProperties, FormEvent } from "react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { type DatePickerKind, dayjsLocaleOf, fromIso, ISO_FORMAT, toIso } from "./date-value";

/** Props of a date field; `value`/`onChange` carry ISO strings, so it drops into a Form.Item. */
export interface DateFieldProps {
  /** `YYYY-MM-DD`, or `YYYY-MM` when `picker="month"`; empty for none. */
  readonly value?: string | null;
  /** Called with the picked date as ISO, or "" when cleared. */
  readonly onChange?: (value: string) => void;
  readonly picker?: DatePickerKind;
  readonly id?: string;
  readonly "aria-label"?: string;
  readonly status?: "error" | "warning";
  /** Hover text, e.g. the validation message beside `status="error"`. */
  readonly title?: string;
  readonly disabled?: boolean;
  readonly allowClear?: boolean;
  readonly style?: CSSProperties;
}

/**
 * A date (or month) field in the app's language, not the browser's: antd's DatePicker with
 * dayjs switched to zh-cn or en with the app. Shows and accepts ISO dates (the SPEC's
 * `YYYY-MM-DD`); the wire value stays the ISO string the zod schemas check.
 */
export function DateField({ value, onChange, picker = "date", style, title, ...rest }: DateFieldProps) {
  const { i18n } = useTranslation();
  const locale = dayjsLocaleOf(i18n.language);
  // dayjs's global locale too, for anything the picker derives without a value (today, weeks).
  useEffect(() => {
    dayjs.locale(locale);
  }, [locale]);
  const current = fromIso(value, picker, locale);
  // The picker commits typed text only once its popup has closed, which can be after a click on
  // the form's submit button has validated the old value; a complete typed date counts at once.
  const onTyped = (e: FormEvent<HTMLSpanElement>) => {
    const typed = fromIso((e.target as HTMLInputElement).value, picker, locale);
    if (typed && !typed.isSame(current)) onChange?.(toIso(typed, picker));
  };
  return (
    <span onInput={onTyped} title={title} style={{ display: "inline-block" }}>
      <DatePicker
        {...rest}
        picker={picker}
        format={ISO_FORMAT[picker]}
        value={current}
        onChange={(d) => onChange?.(toIso(d, picker))}
        style={{ width: 180, ...style }}
      />
    </span>
  );
}
