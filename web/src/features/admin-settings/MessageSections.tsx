import { Checkbox, Col, Form, Input, InputNumber, Row, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { DEFAULT_REMINDER_SETTINGS } from "../../../../src/engines/reminders/types";
import type { Settings } from "../../../../src/shared/api/settings";
import { SettingsSection } from "./SettingsSection";

const GRACE = ["owner", "unitHead", "lead", "leadLeader"] as const;
/** The server's default deduction (DEFAULT_UNANSWERED_DEDUCTION in the closed-loop service). */
const UNANSWERED_DEDUCTION = 0.5;

/** A number field whose blank value means the default, shown as its placeholder. */
function Num(props: { name: string[]; label: string; fallback: number; step?: number }) {
  const { t } = useTranslation();
  return (
    <Form.Item name={props.name} label={props.label}>
      <InputNumber
        step={props.step ?? 1}
        placeholder={t("adm.settings.defaultIs", { value: props.fallback })}
        style={{ width: 160 }}
      />
    </Form.Item>
  );
}

/** 催办规则: when the system chases, up the chain, and what an unanswered chase costs. */
export function RemindersSection(props: { value: Settings["reminders"]; readOnly: boolean }) {
  const { t } = useTranslation();
  const d = DEFAULT_REMINDER_SETTINGS;
  return (
    <SettingsSection section="reminders" readOnly={props.readOnly} initialValues={props.value}>
      <Typography.Paragraph type="secondary">{t("adm.settings.reminders.perTaskForce")}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Num name={["daysBefore"]} label={t("adm.settings.reminders.daysBefore")} fallback={d.daysBefore} />
        </Col>
        <Col xs={24} md={8}>
          <Num
            name={["overdueEvery"]}
            label={t("adm.settings.reminders.overdueEvery")}
            fallback={d.overdueEvery}
          />
        </Col>
        <Col xs={24} md={8}>
          <Num
            name={["unansweredDeduction"]}
            label={t("adm.settings.reminders.unansweredDeduction")}
            fallback={UNANSWERED_DEDUCTION}
            step={0.5}
          />
        </Col>
      </Row>
      <Typography.Text strong>{t("adm.settings.reminders.grace")}</Typography.Text>
      <Row gutter={16}>
        {GRACE.map((k) => (
          <Col key={k} xs={12} md={6}>
            <Num name={["grace", k]} label={t(`adm.settings.reminders.${k}`)} fallback={d.grace[k]} />
          </Col>
        ))}
      </Row>
    </SettingsSection>
  );
}

/** 消息通知: the webhook and e-mail channels besides the in-app inbox. */
export function NotificationsSection(props: { value: Settings["notifications"]; readOnly: boolean }) {
  const { t } = useTranslation();
  return (
    <SettingsSection section="notifications" readOnly={props.readOnly} initialValues={props.value}>
      <Typography.Paragraph type="secondary">
        {t("adm.settings.notifications.secretsHint")}
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name={["webhook", "enabled"]} valuePropName="checked">
            <Checkbox>{t("adm.settings.notifications.webhookEnabled")}</Checkbox>
          </Form.Item>
          <Form.Item name={["webhook", "url"]} label={t("adm.settings.notifications.url")}>
            <Input placeholder="https://" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={["email", "enabled"]} valuePropName="checked">
            <Checkbox>{t("adm.settings.notifications.emailEnabled")}</Checkbox>
          </Form.Item>
          <Form.Item name={["email", "from"]} label={t("adm.settings.notifications.from")}>
            <Input placeholder="duban@example.gov.cn" />
          </Form.Item>
        </Col>
      </Row>
    </SettingsSection>
  );
}

/** 公文: the issuing unit and the 文号 prefix of the printed task book and 督办通知单. */
export function DocumentsSection(props: { value: Settings["documents"]; readOnly: boolean }) {
  const { t } = useTranslation();
  return (
    <SettingsSection section="documents" readOnly={props.readOnly} initialValues={props.value}>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="issuingUnit" label={t("adm.settings.documents.issuingUnit")}>
            <Input placeholder={t("adm.settings.documents.issuingUnitPlaceholder")} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="numberPrefix"
            label={t("adm.settings.documents.numberPrefix")}
            extra={t("adm.settings.documents.numberPrefixHint")}
          >
            <Input />
          </Form.Item>
        </Col>
      </Row>
    </SettingsSection>
  );
}
