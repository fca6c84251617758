import { Alert, Card } from "antd";
import { useTranslation } from "react-i18next";
import { QueryState } from "../components/QueryState";
import { CalendarSection } from "../features/admin-settings/CalendarSection";
import {
  DocumentsSection,
  NotificationsSection,
  RemindersSection,
} from "../features/admin-settings/MessageSections";
import {
  AssessmentSection,
  LightsSection,
  PlanSection,
  PlausibilitySection,
} from "../features/admin-settings/RuleSections";
import { StatusDateSection } from "../features/admin-settings/StatusDateSection";
import { useCan } from "../hooks/use-can";
import { useSettings } from "../hooks/use-data";

/** Today in the browser, `YYYY-MM-DD` (the calendar's first month when the status date is today). */
const today = () => new Date().toLocaleDateString("en-CA");

/** 系统设置: every section of the settings, each saved on its own; read-only for all but admins. */
export function AdminSettingsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const settings = useSettings();
  const readOnly = !can.rule("write:settings");
  return (
    <Card title={t("adm.settings.title")}>
      {readOnly ? (
        <Alert type="info" showIcon title={t("adm.settings.readOnly")} style={{ marginBottom: 16 }} />
      ) : null}
      <QueryState query={settings}>
        {(s) => (
          <>
            <StatusDateSection value={s.statusDate} readOnly={readOnly} />
            <CalendarSection
              value={s.calendar}
              start={s.statusDate.rule === "fixed" ? s.statusDate.date : today()}
              readOnly={readOnly}
            />
            <LightsSection value={s.lights} readOnly={readOnly} />
            <AssessmentSection value={s.assessment} readOnly={readOnly} />
            <RemindersSection value={s.reminders} readOnly={readOnly} />
            <NotificationsSection value={s.notifications} readOnly={readOnly} />
            <DocumentsSection value={s.documents} readOnly={readOnly} />
            <PlausibilitySection value={s.plausibility} readOnly={readOnly} />
            <PlanSection value={s.plan} readOnly={readOnly} />
          </>
        )}
      </QueryState>
    </Card>
  );
}
