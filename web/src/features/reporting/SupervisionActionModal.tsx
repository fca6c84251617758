import { App, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { supervisionTransition } from "../../../../src/shared/api/supervision";
import type { SupervisionItem } from "../../api/types";
import { WriteError } from "../../components/ConflictAlert";
import { DateField } from "../../components/DateField";
import { FormModal } from "../../components/FormModal";
import { useSupervisionAction } from "../../hooks/use-mutations";
import { useStatusDate } from "../../hooks/use-status-date";
import { zodRule } from "../../hooks/validate";
import type { SupervisionAction } from "./supervision-actions";

const f = supervisionTransition.shape;
const opt = (v: unknown) => (v === "" || v === null ? undefined : v);

/** Confirms one supervision action; submit asks for the rectification, return/verify for a note. */
export function SupervisionActionModal(props: {
  item: SupervisionItem | null;
  action: SupervisionAction | null;
  onClose: () => void;
  /** Called with the item as the server answered (its new state and version). */
  onDone?: (item: SupervisionItem) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const statusDate = useStatusDate();
  const m = useSupervisionAction();
  const [form] = Form.useForm();
  const { item, action } = props;
  const submit = (v: Record<string, unknown>) => {
    if (!item || !action) return;
    const body = {
      version: item.version,
      date: String(v.date),
      ...(opt(v.note) ? { note: String(v.note) } : {}),
      ...(opt(v.rectification) ? { rectification: String(v.rectification) } : {}),
    };
    m.mutate(
      { id: item.id, action, body },
      {
        onSuccess: (updated) => {
          void message.success(t("sup.done"));
          props.onDone?.(updated);
          props.onClose();
        },
      },
    );
  };
  return (
    <FormModal
      form={form}
      open={!!item && !!action}
      title={`${action ? t(`sup.${action}`) : ""} · ${item?.code ?? ""}`}
      onCancel={() => {
        m.reset();
        props.onClose();
      }}
      onFinish={submit}
      pending={m.isPending}
      okText={action ? t(`sup.${action}`) : undefined}
      initialValues={{ date: statusDate }}
      intro={
        <>
          <p>
            <strong>{t("sup.issue")}：</strong>
            {item?.issue}
          </p>
          <p>
            <strong>{t("sup.requiredAction")}：</strong>
            {item?.requiredAction}
          </p>
          {item?.rectification ? (
            <p>
              <strong>{t("sup.rectification")}：</strong>
              {item.rectification}
            </p>
          ) : null}
        </>
      }
      error={<WriteError error={m.error} />}
      failure={m.error}
    >
      <Form.Item name="date" label={t("report.date")} rules={[zodRule(f.date)]}>
        <DateField />
      </Form.Item>
      {action === "submit" ? (
        <Form.Item
          name="rectification"
          label={t("sup.rectification")}
          rules={[{ required: true }, zodRule(f.rectification, opt)]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      ) : (
        <Form.Item
          name="note"
          label={action === "return" ? t("sup.returnReason") : t("sup.note")}
          // A return (退回) says why; the server refuses one without a reason too.
          rules={[{ required: action === "return" }, zodRule(f.note, opt)]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
      )}
    </FormModal>
  );
}
