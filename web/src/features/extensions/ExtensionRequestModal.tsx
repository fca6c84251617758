import { App, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { extensionRequestInput } from "../../../../src/shared/api/extensions";
import type { Task } from "../../api/types";
import { WriteError } from "../../components/ConflictAlert";
import { DateField } from "../../components/DateField";
import { FormModal } from "../../components/FormModal";
import { zodRule } from "../../hooks/validate";
import { useFileExtension } from "./use-extensions";

const f = extensionRequestInput.shape;

/** 申请延期: a new deadline and why, for one task; the service checks the date against the current one. */
export function ExtensionRequestModal({ task, onClose }: { task: Task | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const m = useFileExtension();
  const [form] = Form.useForm();
  const submit = (v: Record<string, unknown>) => {
    if (!task) return;
    m.mutate(
      { taskId: task.id, body: { requestedDeadline: v.requestedDeadline, reason: v.reason ?? "" } },
      {
        onSuccess: () => {
          void message.success(t("ext.filed"));
          onClose();
        },
      },
    );
  };
  const bound = task?.deadline
    ? `${t("ext.current")}：${task.deadline}`
    : `${t("ext.lateFinish")}：${task?.lateFinish ?? t("ext.none")}`;
  return (
    <FormModal
      form={form}
      open={!!task}
      title={t("ext.title", { task: `${task?.code ?? ""} ${task?.title ?? ""}` })}
      onCancel={() => {
        m.reset();
        onClose();
      }}
      onFinish={submit}
      pending={m.isPending}
      okText={t("ext.request")}
      intro={<p data-testid="extension-current">{bound}</p>}
      error={<WriteError error={m.error} />}
      failure={m.error}
    >
      <Form.Item
        name="requestedDeadline"
        label={t("ext.requestedDeadline")}
        rules={[zodRule(f.requestedDeadline)]}
      >
        <DateField id="extension-deadline" />
      </Form.Item>
      <Form.Item name="reason" label={t("ext.reason")} rules={[zodRule(f.reason, (v) => v ?? "")]}>
        <Input.TextArea rows={3} placeholder={t("ext.reasonPlaceholder")} />
      </Form.Item>
    </FormModal>
  );
}
