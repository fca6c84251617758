import { App, Form, Input, InputNumber } from "antd";
import { useTranslation } from "react-i18next";
import { progressReportSchemas } from "../../../../src/shared/api/reports";
import type { Task } from "../../api/types";
import { WriteError } from "../../components/ConflictAlert";
import { DateField } from "../../components/DateField";
import { FormModal } from "../../components/FormModal";
import { useReportProgress } from "../../hooks/use-mutations";
import { useSession } from "../../hooks/use-session";
import { useStatusDate } from "../../hooks/use-status-date";
import { orNull, zodRule } from "../../hooks/validate";

const f = progressReportSchemas.create.shape;
const lines = (v: unknown) =>
  String(v ?? "")
    .split("\n")
    .map((s) => s.trim())
    .filter(Boolean);

/** 填报进展: a progress report on one task, with evidence as file names or links. */
export function ProgressReportModal({ task, onClose }: { task: Task | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const statusDate = useStatusDate();
  const session = useSession().data;
  const m = useReportProgress();
  const [form] = Form.useForm();
  const submit = (v: Record<string, unknown>) => {
    if (!task) return;
    m.mutate(
      {
        taskId: task.id,
        reportDate: v.reportDate,
        percent: v.percent,
        narrative: v.narrative ?? "",
        problems: orNull(v.problems),
        coordination: orNull(v.coordination),
        evidence: lines(v.evidence),
        reportedById: session?.personId ?? null,
      },
      {
        onSuccess: () => {
          void message.success(t("report.submitted"));
          form.resetFields();
          onClose();
        },
      },
    );
  };
  return (
    <FormModal
      form={form}
      open={!!task}
      title={`${t("report.new")} · ${task?.code ?? ""} ${task?.title ?? ""}`}
      // Closing forgets a refused write, so the next opening does not show its error again.
      onCancel={() => {
        m.reset();
        onClose();
      }}
      onFinish={submit}
      pending={m.isPending}
      initialValues={{ reportDate: statusDate, percent: task?.percent ?? 0 }}
      error={<WriteError error={m.error} />}
    >
      <Form.Item name="reportDate" label={t("report.date")} rules={[zodRule(f.reportDate)]}>
        <DateField />
      </Form.Item>
      <Form.Item name="percent" label={t("report.percent")} rules={[zodRule(f.percent)]}>
        <InputNumber min={0} max={100} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="narrative" label={t("report.narrative")} rules={[zodRule(f.narrative)]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="problems" label={t("report.problems")} rules={[zodRule(f.problems, orNull)]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item
        name="coordination"
        label={t("report.coordination")}
        rules={[zodRule(f.coordination, orNull)]}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="evidence" label={t("report.evidence")} rules={[zodRule(f.evidence, lines)]}>
        <Input.TextArea rows={2} placeholder="现场照片-0815.jpg&#10;https://oa.example/doc/123" />
      </Form.Item>
    </FormModal>
  );
}
