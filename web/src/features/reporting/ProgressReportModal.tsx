import { App, Form, Input, InputNumber, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { progressReportSchemas } from "../../../../src/shared/api/reports";
import { ApiError } from "../../api/client";
import type { Task } from "../../api/types";
import { WriteError } from "../../components/ConflictAlert";
import { DateField } from "../../components/DateField";
import { FormModal } from "../../components/FormModal";
import { useCan } from "../../hooks/use-can";
import { useReportProgress } from "../../hooks/use-mutations";
import { useSession } from "../../hooks/use-session";
import { orNull, zodRule } from "../../hooks/validate";
import { DraftNotice } from "../phone/DraftNotice";
import { EvidencePicker } from "../phone/EvidencePicker";
import { draftBody, draftValues, textLines as lines } from "../phone/report-drafts";
import { useOnline } from "../phone/use-online";
import { useReportDraft } from "../phone/use-report-draft";
import { useEvidenceUpload } from "./use-evidence-upload";

const f = progressReportSchemas.create.shape;

/**
 * 填报进展: a progress report on one task, with evidence as uploaded files, file names or links.
 * What is typed is kept as the task's draft on the device; submitted while offline, the report
 * waits and is sent once online (features/phone).
 */
export function ProgressReportModal({ task, onClose }: { task: Task | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession().data;
  const m = useReportProgress();
  const can = useCan();
  const files = useEvidenceUpload(task?.id);
  const [form] = Form.useForm();
  const draft = useReportDraft(task, form, files);
  const online = useOnline();
  const close = () => {
    files.reset();
    onClose();
  };
  // Kept as waiting to be sent: offline, or the network failed under the submit.
  const queue = () => {
    draft.queue();
    m.reset();
    void message.info(t("phone.queued"));
    close();
  };
  const submit = (v: Record<string, unknown>) => {
    if (!task) return;
    if (files.uploading) {
      void message.warning(t("attachment.wait"));
      return;
    }
    if (!navigator.onLine) return queue();
    const body = { taskId: task.id, values: draftValues(v), attachments: files.stored };
    m.mutate(draftBody(body, session?.personId ?? null), {
      onSuccess: () => {
        draft.clear();
        void message.success(t("report.submitted"));
        form.resetFields();
        close();
      },
      // No answer at all (the network went under the submit): the report waits like an offline one.
      onError: (e) => {
        if (!(e instanceof ApiError)) queue();
      },
    });
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
      initialValues={draft.initialValues}
      onValuesChange={draft.onValuesChange}
      intro={
        <DraftNotice
          online={online}
          restored={draft.restored}
          draft={draft.draft}
          onDiscard={draft.discard}
        />
      }
      error={<WriteError error={m.error ?? draft.failure} />}
      failure={m.error ?? draft.failure}
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
          <EvidencePicker upload={files.props} />
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
