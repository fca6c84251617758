import { Form, Input } from "antd";
import { useTranslation } from "react-i18next";

/**
 * The new password twice: `newPassword` (what the API checks) and `repeatPassword` (checked here
 * only: the two must be the same).
 */
export function NewPasswordFields(props: { label: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="newPassword"
        label={props.label}
        extra={t("adm.own.newHint")}
        rules={[{ required: true }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="repeatPassword"
        label={t("adm.own.repeat")}
        dependencies={["newPassword"]}
        rules={[
          { required: true },
          ({ getFieldValue }) => ({
            validator: async (_, value) => {
              if (value && value !== getFieldValue("newPassword")) throw new Error(t("adm.own.mismatch"));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
