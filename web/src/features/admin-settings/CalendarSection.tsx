import { Button, Checkbox, Col, Form, List, Row, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CN_BUILTIN_YEARS, type Weekday } from "../../../../src/engines/calendar/index";
import type { Settings } from "../../../../src/shared/api/settings";
import { DateField } from "../../components/DateField";
import { type CalendarOverrides, type Override, overrideList, withOverride } from "./calendar-days";
import { DAY_TONES, OverridesCalendar } from "./OverridesCalendar";
import { SettingsSection } from "./SettingsSection";

const WEEKDAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const LEGEND = ["workday", "weekend", "statutoryHoliday", "adjustedWorkday", "holiday", "extraWorkday"];

/** The organisation's own days (holidays and extra workdays) as one form field. */
type Days = Pick<CalendarOverrides, "holidays" | "extraWorkdays">;

/** The calendar view, the list of overridden days and a date to override by keyboard: one form control. */
function DaysField(props: {
  value?: Days;
  onChange?: (v: Days) => void;
  weekends: readonly Weekday[];
  start: string;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const days = props.value ?? {};
  const [picked, setPicked] = useState("");
  const set = (next: CalendarOverrides) =>
    props.onChange?.({ holidays: next.holidays ?? [], extraWorkdays: next.extraWorkdays ?? [] });
  const mark = (kind: Override | null, date: string) => set(withOverride(days, date, kind));
  const entries = overrideList(days);
  return (
    <Row gutter={24}>
      <Col xs={24} lg={14}>
        <OverridesCalendar
          value={{ ...days, weekends: props.weekends }}
          onChange={set}
          start={props.start}
          readOnly={props.readOnly}
        />
        <Space size={[4, 4]} wrap style={{ marginTop: 8 }}>
          {LEGEND.map((k) => (
            <Tag key={k} style={{ background: DAY_TONES[k]?.bg, color: DAY_TONES[k]?.fg }}>
              {t(`adm.settings.calendar.kinds.${k}`)}
            </Tag>
          ))}
        </Space>
      </Col>
      <Col xs={24} lg={10}>
        <Typography.Text strong>
          {t("adm.settings.calendar.overrides", { count: entries.length })}
        </Typography.Text>
        <List
          size="small"
          data-testid="calendar-overrides"
          locale={{
            // antd draws a list's empty text in its disabled grey (1.8:1); secondary text reads.
            emptyText: <Typography.Text type="secondary">{t("adm.settings.calendar.none")}</Typography.Text>,
          }}
          dataSource={entries}
          renderItem={(e) => (
            <List.Item
              data-date={e.date}
              actions={
                props.readOnly
                  ? []
                  : [
                      <Button
                        key="restore"
                        size="small"
                        type="link"
                        aria-label={t("adm.settings.calendar.restore", { date: e.date })}
                        onClick={() => mark(null, e.date)}
                      >
                        {t("adm.settings.calendar.restoreShort")}
                      </Button>,
                    ]
              }
            >
              {e.date} ·{" "}
              <Tag color={e.kind === "holiday" ? "orange" : "green"}>
                {t(`adm.settings.calendar.kinds.${e.kind}`)}
              </Tag>
            </List.Item>
          )}
        />
        {props.readOnly ? null : (
          <Space wrap style={{ marginTop: 8 }}>
            <DateField
              id="calendar_day"
              aria-label={t("adm.settings.calendar.pickDay")}
              placeholder={t("adm.settings.calendar.pickDay")}
              value={picked}
              onChange={setPicked}
            />
            <Button disabled={!picked} onClick={() => mark("holiday", picked)}>
              {t("adm.settings.calendar.markHoliday")}
            </Button>
            <Button disabled={!picked} onClick={() => mark("extraWorkday", picked)}>
              {t("adm.settings.calendar.markWorkday")}
            </Button>
          </Space>
        )}
      </Col>
    </Row>
  );
}

/** 工作日历: the weekly days off and the organisation's own holidays and extra workdays. */
export function CalendarSection(props: { value: Settings["calendar"]; start: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const initialWeekends = props.value.weekends ?? ["sat", "sun"];
  const weekends: Weekday[] = Form.useWatch("weekends", form) ?? initialWeekends;
  return (
    <SettingsSection
      section="calendar"
      form={form}
      readOnly={props.readOnly}
      initialValues={{
        weekends: initialWeekends,
        days: { holidays: props.value.holidays ?? [], extraWorkdays: props.value.extraWorkdays ?? [] },
      }}
      toBody={(v) => ({ weekends: v.weekends, ...(v.days as Days) })}
    >
      <Form.Item name="weekends" label={t("adm.settings.calendar.weekends")}>
        <Checkbox.Group
          options={WEEKDAYS.map((w) => ({
            value: w,
            label: t(`adm.settings.weekdays.${w}`),
            // At least one day of the week stays a working day (the engine refuses none).
            disabled: weekends.length >= 6 && !weekends.includes(w),
          }))}
        />
      </Form.Item>
      <Typography.Paragraph type="secondary">
        {t("adm.settings.calendar.hint")}{" "}
        {t("adm.settings.calendar.coverage", { first: CN_BUILTIN_YEARS.first, last: CN_BUILTIN_YEARS.last })}
      </Typography.Paragraph>
      <Form.Item name="days">
        <DaysField weekends={weekends} start={props.start} readOnly={props.readOnly} />
      </Form.Item>
    </SettingsSection>
  );
}
