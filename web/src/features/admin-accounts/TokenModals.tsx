import { CopyOutlined } from "@ant-design/icons";
import { Alert, App, Button, Form, Input, Modal, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { apiTokenCreate } from "../../../../src/shared/api/auth";
import { WriteError } from "../../components/ConflictAlert";
import { FormModal } from "../../components/FormModal";
import { useTaskForces } from "../../hooks/use-data";
import { useSession } from "../../hooks/use-session";
import { orNull, zodRule } from "../../hooks/validate";
import { tokenRoles } from "./account-view";
import { type ApiToken, useCreateToken } from "./use-accounts";

/** 新建 API 令牌: name, one of the caller's roles, optionally one task force; hands back the new token. */
export function TokenFormModal(props: {
  open: boolean;
  onClose: () => void;
  onCreated: (t: ApiToken) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const session = useSession().data;
  const taskForces = useTaskForces().data?.items ?? [];
  const create = useCreateToken();
  const options = tokenRoles(session);
  const close = () => {
    create.reset();
    props.onClose();
  };
  const submit = (v: Record<string, unknown>) =>
    create.mutate(
      { name: String(v.name ?? "").trim(), role: v.role, taskForceId: orNull(v.taskForceId) },
      {
        onSuccess: (token) => {
          close();
          props.onCreated(token);
        },
      },
    );
  return (
    <FormModal
      form={form}
      open={props.open}
      title={t("adm.tokens.createTitle")}
      onCancel={close}
      onFinish={submit}
      pending={create.isPending}
      initialValues={{ role: options.includes("viewer") ? "viewer" : options[0] }}
      error={<WriteError error={create.error} />}
      failure={create.error}
    >
      <Form.Item
        name="name"
        label={t("adm.tokens.name")}
        rules={[{ required: true }, zodRule(apiTokenCreate.shape.name)]}
      >
        <Input id="name" placeholder={t("adm.tokens.namePlaceholder")} />
      </Form.Item>
      <Form.Item
        name="role"
        label={t("adm.tokens.role")}
        extra={t("adm.tokens.roleHint")}
        rules={[{ required: true }]}
      >
        <Select id="role" options={options.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
      </Form.Item>
      <Form.Item name="taskForceId" label={t("adm.tokens.scope")} extra={t("adm.tokens.scopeHint")}>
        <Select
          id="taskForceId"
          allowClear
          placeholder={t("adm.tokens.allTaskForces")}
          showSearch={{ optionFilterProp: "label" }}
          options={taskForces.map((tf) => ({ value: tf.id, label: `${tf.code} ${tf.name}` }))}
        />
      </Form.Item>
    </FormModal>
  );
}

/** The new token's secret, shown this once with a copy button and a warning. */
export function TokenSecretModal(props: { token: ApiToken | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const secret = props.token?.token ?? "";
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      void message.success(t("adm.tokens.copied"));
    } catch {
      void message.warning(t("adm.tokens.copyFailed"));
    }
  };
  return (
    <Modal
      open={!!props.token}
      title={t("adm.tokens.secretTitle", { name: props.token?.name ?? "" })}
      onCancel={props.onClose}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={props.onClose}>
          {t("adm.tokens.done")}
        </Button>
      }
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t("adm.tokens.secretWarning")} style={{ marginBottom: 12 }} />
      <Typography.Text strong>{t("adm.tokens.secretLabel")}</Typography.Text>
      <Input.TextArea
        aria-label={t("adm.tokens.secretLabel")}
        data-testid="token-secret"
        readOnly
        autoSize
        value={secret}
        onFocus={(e) => e.currentTarget.select()}
        style={{ fontFamily: "monospace", margin: "4px 0 8px" }}
      />
      <Button icon={<CopyOutlined />} onClick={() => void copy()}>
        {t("adm.tokens.copy")}
      </Button>
    </Modal>
  );
}
