import { App, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { extensionRejection } from "../../../../src/shared/api/extensions";
import { WriteError } from "../../components/ConflictAlert";
import { FormModal } from "../../components/FormModal";
import { zodRule } from "../../hooks/validate";
import type { ExtensionRequest } from "./api";
import { useExtensionAction } from "./use-extensions";

/** Approves or rejects one request with a note (required for a rejection), at the version shown. */
export function ExtensionDecisionModal(props: {
  request: ExtensionRequest | null;
  action: "approve" | "reject" | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const m = useExtensionAction();
  const [form] = Form.useForm();
  const { request: r, action } = props;
  const submit = (v: Record<string, unknown>) => {
    if (!r || !action) return;
    const note = typeof v.note === "string" && v.note.trim() ? v.note : undefined;
    m.mutate(
      { id: r.id, action, body: { version: r.version, ...(note ? { note } : {}) } },
      {
        onSuccess: () => {
          void message.success(t(action === "approve" ? "ext.approved" : "ext.rejected"));
          props.onClose();
        },
      },
    );
  };
  return (
    <FormModal
      form={form}
      open={!!r && !!action}
      title={`${action ? t(`ext.${action}`) : ""} · ${r?.taskCode ?? ""} ${r?.taskTitle ?? ""}`}
      onCancel={() => {
        m.reset();
        props.onClose();
      }}
      onFinish={submit}
      pending={m.isPending}
      okText={action ? t(`ext.${action}`) : undefined}
      intro={
        <>
          <p>
            <strong>{t("ext.change")}：</strong>
            {r?.currentDeadline ?? t("ext.none")} → {r?.requestedDeadline}
          </p>
          <p>
            <strong>{t("ext.requester")}：</strong>
            {r?.requestedByName}
          </p>
          <p>
            <strong>{t("ext.reason")}：</strong>
            {r?.reason}
          </p>
        </>
      }
      error={<WriteError error={m.error} />}
      failure={m.error}
    >
      <Form.Item
        name="note"
        label={t("ext.note")}
        rules={action === "reject" ? [zodRule(extensionRejection.shape.note, (v) => v ?? "")] : []}
      >
        <Input.TextArea rows={3} placeholder={t("ext.notePlaceholder")} />
      </Form.Item>
    </FormModal>
  );
}
