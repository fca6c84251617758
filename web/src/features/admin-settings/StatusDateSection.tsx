import { AutoComplete, Form, Radio } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Settings } from "../../../../src/shared/api/settings";
import { DateField } from "../../components/DateField";
import { SettingsSection } from "./SettingsSection";

const DEFAULT_ZONE = "Asia/Shanghai";

/** The IANA time zones this browser knows, for suggestions (any zone may be typed). */
function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return [DEFAULT_ZONE];
  }
}

/** The body of the status date rule: only the fields of the chosen rule. */
function toBody(v: Record<string, unknown>) {
  const zone = typeof v.timeZone === "string" ? v.timeZone.trim() : "";
  return v.rule === "fixed"
    ? { rule: "fixed", date: v.date }
    : { rule: "today", ...(zone ? { timeZone: zone } : {}) };
}

/** 状态日: today in the organisation's time zone, or a fixed date. */
export function StatusDateSection(props: { value: Settings["statusDate"]; readOnly: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const rule = Form.useWatch("rule", form) ?? props.value.rule;
  const zones = useMemo(() => timeZones().map((z) => ({ value: z })), []);
  return (
    <SettingsSection
      section="statusDate"
      form={form}
      readOnly={props.readOnly}
      initialValues={props.value}
      toBody={toBody}
    >
      <Form.Item name="rule" label={t("adm.settings.statusDate.rule")}>
        <Radio.Group
          options={[
            { value: "today", label: t("adm.settings.statusDate.today") },
            { value: "fixed", label: t("adm.settings.statusDate.fixed") },
          ]}
        />
      </Form.Item>
      {rule === "fixed" ? (
        <Form.Item
          name="date"
          label={t("adm.settings.statusDate.date")}
          extra={t("adm.settings.statusDate.dateHint")}
          rules={[{ required: true }]}
        >
          <DateField id="statusDate_date" />
        </Form.Item>
      ) : (
        <Form.Item
          name="timeZone"
          label={t("adm.settings.statusDate.timeZone")}
          extra={t("adm.settings.statusDate.timeZoneHint")}
        >
          <AutoComplete
            id="statusDate_timeZone"
            allowClear
            placeholder={DEFAULT_ZONE}
            options={zones}
            showSearch={{
              filterOption: (input, option) =>
                String(option?.value ?? "")
                  .toLowerCase()
                  .includes(input.toLowerCase()),
            }}
            style={{ maxWidth: 320 }}
          />
        </Form.Item>
      )}
    </SettingsSection>
  );
}
