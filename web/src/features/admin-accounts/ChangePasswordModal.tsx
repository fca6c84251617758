import { App, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { WriteError } from "../../components/ConflictAlert";
import { FormModal } from "../../components/FormModal";
import { NewPasswordFields } from "./NewPasswordFields";
import { useChangeOwnPassword } from "./use-accounts";

/**
 * 修改密码: the signed-in user's own password, after the current one; a wrong current password or
 * a new one the rule refuses shows beside its field. This session stays, the others end.
 */
export function ChangePasswordModal(props: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const change = useChangeOwnPassword();
  const close = () => {
    change.reset();
    props.onClose();
  };
  return (
    <FormModal
      form={form}
      open={props.open}
      title={t("adm.own.changePassword")}
      onCancel={close}
      onFinish={(v) =>
        change.mutate(
          { currentPassword: v.currentPassword, newPassword: v.newPassword },
          {
            onSuccess: () => {
              void message.success(t("adm.own.done"));
              close();
            },
          },
        )
      }
      pending={change.isPending}
      okText={t("common.save")}
      error={<WriteError error={change.error} />}
      failure={change.error}
    >
      <Form.Item name="currentPassword" label={t("adm.own.current")} rules={[{ required: true }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <NewPasswordFields label={t("adm.own.new")} />
    </FormModal>
  );
}
