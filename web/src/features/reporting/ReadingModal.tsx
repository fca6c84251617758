import { App, Form, Input, InputNumber } from "antd";
import { useTranslation } from "react-i18next";
import { readingSchemas } from "../../../../src/shared/api/indicators";
import type { Indicator } from "../../api/types";
import { WriteError } from "../../components/ConflictAlert";
import { DateField } from "../../components/DateField";
import { FormModal } from "../../components/FormModal";
import { useReportReading } from "../../hooks/use-mutations";
import { useSession } from "../../hooks/use-session";
import { useStatusDate } from "../../hooks/use-status-date";
import { orNull, zodRule } from "../../hooks/validate";
import { withUnit } from "./use-indicator-status";

const f = readingSchemas.create.shape;

/** 填报实际值: one month's actual of an indicator. */
export function ReadingModal({ indicator, onClose }: { indicator: Indicator | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const statusDate = useStatusDate();
  const session = useSession().data;
  const m = useReportReading();
  const [form] = Form.useForm();
  const submit = (v: Record<string, unknown>) => {
    if (!indicator) return;
    m.mutate(
      {
        indicatorId: indicator.id,
        period: v.period,
        actual: v.actual,
        note: orNull(v.note),
        reportedById: session?.personId ?? null,
      },
      {
        onSuccess: (r) => {
          const value = withUnit(r.actual, indicator.unit);
          void message.success(t("myInd.saved", { period: r.period, value }));
          onClose();
        },
      },
    );
  };
  return (
    <FormModal
      form={form}
      open={!!indicator}
      title={`${t("ind.report")} · ${indicator?.name ?? ""}`}
      // Closing forgets a refused write, so the next opening does not show its error again.
      onCancel={() => {
        m.reset();
        onClose();
      }}
      onFinish={submit}
      pending={m.isPending}
      initialValues={{ period: statusDate.slice(0, 7) }}
      error={<WriteError error={m.error} />}
      failure={m.error}
    >
      <Form.Item name="period" label={t("ind.period")} rules={[zodRule(f.period)]}>
        <DateField picker="month" />
      </Form.Item>
      <Form.Item
        name="actual"
        label={`${t("ind.actual")}（${indicator?.unit ?? ""}）`}
        rules={[zodRule(f.actual)]}
      >
        <InputNumber style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="note" label={t("ind.note")} rules={[zodRule(f.note, orNull)]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}
