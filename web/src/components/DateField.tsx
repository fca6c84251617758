import { Button, DatePicker } from "antd";
import dayjs from "dayjs";
import type { CSSProperties, FormEvent, KeyboardEvent } from "react";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useStatusDate } from "../hooks/use-status-date";
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
  readonly placeholder?: string;
  readonly style?: CSSProperties;
  /** Enter with a complete date typed (or none): called with it as ISO ("" for none), e.g. to save. */
  readonly onEnter?: (value: string) => void;
  /** Escape while the popup is closed (an open popup only closes), e.g. to cancel an inline edit. */
  readonly onEscape?: () => void;
}

/**
 * A date (or month) field in the app's language, not the browser's: antd's DatePicker with
 * dayjs switched to zh-cn or en with the app. Shows and accepts ISO dates (the SPEC's
 * `YYYY-MM-DD`); the wire value stays the ISO string the zod schemas check. Its 今天 is the
 * organisation's status date, not the browser's clock, and an empty field opens at that month.
 */
export function DateField(props: DateFieldProps) {
  const { value, onChange, picker = "date", style, title, onEnter, onEscape, ...rest } = props;
  const { t, i18n } = useTranslation();
  const locale = dayjsLocaleOf(i18n.language);
  const [open, setOpen] = useState(false);
  const statusDate = useStatusDate();
  // dayjs's global locale too, for anything the picker derives without a value (today, weeks).
  useEffect(() => {
    dayjs.locale(locale);
  }, [locale]);
  // One object per value: the picker resyncs (and drops typed text) whenever its value's identity changes.
  const current = useMemo(() => fromIso(value, picker, locale), [value, picker, locale]);
  const statusDay = useMemo(() => fromIso(statusDate, "date", locale), [statusDate, locale]);
  // antd's own 今天 reads the browser's clock: this one picks the status date and closes the popup.
  const today =
    picker === "date" ? (
      <Button
        type="link"
        size="small"
        block
        data-status-today
        title={t("layout.todayIs", { date: statusDate })}
        onClick={() => {
          onChange?.(statusDate);
          setOpen(false);
        }}
      >
        {t("layout.today")}
      </Button>
    ) : null;
  // The picker commits typed text only once its popup has closed, which can be after a click on
  // the form's submit button has validated the old value; a complete typed date counts at once.
  const onTyped = (e: FormEvent<HTMLSpanElement>) => {
    const typed = fromIso((e.target as HTMLInputElement).value, picker, locale);
    if (typed && !typed.isSame(current)) onChange?.(toIso(typed, picker));
  };
  // The picker has closed an open popup on Escape before this runs; `open` is still the state before.
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === "Escape" && !open) onEscape?.();
    if (e.key !== "Enter" || !onEnter) return;
    const text = (e.target as HTMLInputElement).value;
    const typed = fromIso(text, picker, locale);
    if (text !== "" && !typed) return;
    e.preventDefault(); // the picker would open its popup again
    onEnter(toIso(typed, picker));
  };
  return (
    <span onInput={onTyped} title={title} style={{ display: "inline-block", width: style?.width }}>
      <DatePicker
        {...rest}
        picker={picker}
        format={ISO_FORMAT[picker]}
        value={current}
        // Given with a value, it would open at the status date's month instead of the value's.
        defaultPickerValue={current ? undefined : (statusDay ?? undefined)}
        showNow={false}
        renderExtraFooter={today ? () => today : undefined}
        open={open}
        onOpenChange={setOpen}
        onKeyDown={onKeyDown}
        onChange={(d) => onChange?.(toIso(d, picker))}
        style={{ width: 180, ...style }}
      />
    </span>
  );
}
