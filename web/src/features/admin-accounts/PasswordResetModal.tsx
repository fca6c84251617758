import { App, Form } from "antd";
import { useTranslation } from "react-i18next";
import { WriteError } from "../../components/ConflictAlert";
import { FormModal } from "../../components/FormModal";
import { NewPasswordFields } from "./NewPasswordFields";
import { type User, useSetPassword } from "./use-accounts";

/** 重置密码: an admin sets a user's password; the user's sessions end. */
export function PasswordResetModal(props: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const set = useSetPassword();
  const { user } = props;
  const close = () => {
    set.reset();
    props.onClose();
  };
  return (
    <FormModal
      form={form}
      open={!!user}
      title={t("adm.users.resetTitle", { name: user?.displayName ?? "" })}
      onCancel={close}
      onFinish={(v) =>
        user &&
        set.mutate(
          { id: user.id, newPassword: String(v.newPassword) },
          {
            onSuccess: () => {
              void message.success(t("adm.users.resetDone", { name: user.displayName }));
              close();
            },
          },
        )
      }
      pending={set.isPending}
      okText={t("adm.users.resetPassword")}
      error={<WriteError error={set.error} />}
      failure={set.error}
    >
      <NewPasswordFields label={t("adm.own.new")} />
    </FormModal>
  );
}
