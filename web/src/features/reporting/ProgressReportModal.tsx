import { UploadOutlined } from "@ant-design/icons";
import { App, Button, Form, Input, InputNumber, Typography, Upload } from "antd";
import { useTranslation } from "react-i18next";
import { progressReportSchemas } from "../../../../src/shared/api/reports";
import type { Task } from "../../api/types";
import { WriteError } from "../../components/ConflictAlert";
import { DateField } from "../../components/DateField";
import { FormModal } from "../../components/FormModal";
import { useCan } from "../../hooks/use-can";
import { useReportProgress } from "../../hooks/use-mutations";
import { useSession } from "../../hooks/use-session";
import { useStatusDate } from "../../hooks/use-status-date";
import { orNull, zodRule } from "../../hooks/validate";
import { useEvidenceUpload } from "./use-evidence-upload";

const f = progressReportSchemas.create.shape;
const lines = (v: unknown) =>
  String(v ?? "")
    .split("\n")
    .map((s) => s.trim())
    .filter(Boolean);

/** 填报进展: a progress report on one task, with evidence as uploaded files, file names or links. */
export function ProgressReportModal({ task, onClose }: { task: Task | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const statusDate = useStatusDate();
  const session = useSession().data;
  const m = useReportProgress();
  const can = useCan();
  const files = useEvidenceUpload(task?.id);
  const [form] = Form.useForm();
  const close = () => {
    files.reset();
    onClose();
  };
  const submit = (v: Record<string, unknown>) => {
    if (!task) return;
    if (files.uploading) {
      void message.warning(t("attachment.wait"));
      return;
    }
    m.mutate(
      {
        taskId: task.id,
        reportDate: v.reportDate,
        percent: v.percent,
        narrative: v.narrative ?? "",
        problems: orNull(v.problems),
        coordination: orNull(v.coordination),
        evidence: [...lines(v.evidence), ...files.refs],
        reportedById: session?.personId ?? null,
      },
      {
        onSuccess: () => {
          void message.success(t("report.submitted"));
          form.resetFields();
          close();
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
        close();
      }}
      onFinish={submit}
      pending={m.isPending}
      initialValues={{ reportDate: statusDate, percent: task?.percent ?? 0 }}
      error={<WriteError error={m.error} />}
      failure={m.error}
    >
      <Form.Item name="reportDate" label={t("report.date")} rules={[zodRule(f.reportDate)]}>
        <DateField />
      </Form.Item>
      <Form.Item name="percent" label={t("report.percent")} rules={[zodRule(f.percent)]}>
        <InputNumber style={{ width: 160 }} />
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
        <Input.TextArea rows={2} placeholder={t("report.evidencePlaceholder")} />
      </Form.Item>
      {task && can.attachEvidence(task) ? (
        <Form.Item label={t("attachment.label")} extra={t("attachment.hint")}>
          <Upload {...files.props} data-testid="evidence-upload">
            <Button icon={<UploadOutlined />}>{t("attachment.choose")}</Button>
          </Upload>
          {files.errors.map((e) => (
            <Typography.Text key={e} type="danger" style={{ display: "block" }} data-upload-error>
              {e}
            </Typography.Text>
          ))}
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
