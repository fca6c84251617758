import { LeftOutlined, RightOutlined } from "@ant-design/icons";
import { Button, Calendar, Space, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { dayjsLocaleOf } from "../../components/date-value";
import { uiLang } from "../../hooks/messages";
import {
  builtinHolidayName,
  type CalendarOverrides,
  type DayState,
  dayStates,
  nextOverride,
  withOverride,
} from "./calendar-days";

/** How a day's state looks: background and text colour (text at 4.5:1 or more on it). */
export const DAY_TONES: Readonly<Record<string, { bg: string; fg: string }>> = {
  workday: { bg: "transparent", fg: "inherit" },
  weekend: { bg: "#f0f0f0", fg: "#595959" },
  statutoryHoliday: { bg: "#fff1f0", fg: "#cf1322" },
  adjustedWorkday: { bg: "#e6f4ff", fg: "#0958d9" },
  holiday: { bg: "#fff7e6", fg: "#ad4e00" },
  extraWorkday: { bg: "#f6ffed", fg: "#237804" },
};

/** The kind a day is shown as: the organisation's override, else what it is by default. */
export const shownKind = (s: DayState): string => s.override ?? s.base;

/** Props of {@link OverridesCalendar}. */
export interface OverridesCalendarProps {
  /** The overrides being edited (weekends included: they decide the default of each day). */
  readonly value: CalendarOverrides;
  readonly onChange: (next: CalendarOverrides) => void;
  /** The month shown first, `YYYY-MM-DD` of any day in it. */
  readonly start: string;
  readonly readOnly: boolean;
}

/**
 * A month of the working calendar: each day coloured and marked (休 / 班, a public holiday's name) by
 * the same engine the server schedules with; a click toggles the organisation's override of the day.
 */
export function OverridesCalendar(props: OverridesCalendarProps) {
  const { t, i18n } = useTranslation();
  const locale = dayjsLocaleOf(i18n.language);
  const [month, setMonth] = useState<Dayjs>(() => dayjs(props.start));
  const { value, onChange } = props;
  const year = month.year();
  const stateOf = useMemo(() => dayStates(value, `${year}-01-01`), [value, year]);
  const toggle = (d: Dayjs) => {
    if (props.readOnly) return;
    const state = stateOf(d.format("YYYY-MM-DD"));
    onChange(withOverride(value, state.date, nextOverride(state)));
  };
  const cell = (d: Dayjs) => {
    const s = stateOf(d.format("YYYY-MM-DD"));
    const kind = shownKind(s);
    const tone = DAY_TONES[kind] ?? DAY_TONES.workday!;
    const name = s.base === "statutoryHoliday" ? builtinHolidayName(s.date, uiLang()) : null;
    const mark = s.working
      ? kind === "workday"
        ? ""
        : t("adm.settings.calendar.work")
      : t("adm.settings.calendar.off");
    const label = `${s.date} ${t(`adm.settings.calendar.kinds.${kind}`)}${name ? ` ${name}` : ""}`;
    return (
      <div
        className="ant-picker-cell-inner"
        data-date={s.date}
        data-kind={kind}
        data-working={s.working}
        title={label}
        style={{
          background: tone.bg,
          color: tone.fg,
          width: "100%",
          minHeight: 40,
          lineHeight: "18px",
          padding: 2,
        }}
      >
        <span className="sr-only">{label}</span>
        <div aria-hidden style={{ fontWeight: s.override ? 700 : 400 }}>
          {d.date()}
        </div>
        <div aria-hidden style={{ fontSize: 11, whiteSpace: "nowrap", overflow: "hidden" }}>
          {name ?? mark}
        </div>
      </div>
    );
  };
  return (
    <Calendar
      fullscreen={false}
      value={month}
      onSelect={(d, info) => {
        setMonth(d);
        if (info.source === "date") toggle(d);
      }}
      fullCellRender={(d, info) => (info.type === "date" ? cell(d) : info.originNode)}
      headerRender={() => (
        <Space style={{ width: "100%", justifyContent: "space-between", padding: "4px 0 8px" }}>
          <Button
            size="small"
            // Months stay browsable when the settings are read-only (the form disables its controls).
            disabled={false}
            icon={<LeftOutlined />}
            aria-label={t("adm.settings.calendar.prevMonth")}
            onClick={() => setMonth(month.subtract(1, "month"))}
          />
          <Typography.Text strong data-testid="calendar-month">
            {month.locale(locale).format(locale === "en" ? "MMMM YYYY" : "YYYY年M月")}
          </Typography.Text>
          <Button
            size="small"
            disabled={false}
            icon={<RightOutlined />}
            aria-label={t("adm.settings.calendar.nextMonth")}
            onClick={() => setMonth(month.add(1, "month"))}
          />
        </Space>
      )}
    />
  );
}
