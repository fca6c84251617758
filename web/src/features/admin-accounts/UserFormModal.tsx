import { App, Checkbox, Form, Input, Select } from "antd";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { type Role, roles, userSchemas } from "../../../../src/shared/api/org";
import { WriteError } from "../../components/ConflictAlert";
import { FormModal } from "../../components/FormModal";
import { useNames } from "../../hooks/use-data";
import { zodRule } from "../../hooks/validate";
import { needsPerson, type UserFormValues, userCreateBodyOf, userPatchOf } from "./account-view";
import { type User, useCreateUser, usePatchUser } from "./use-accounts";

const f = userSchemas.create.shape;

/** What a lead or an owner needs besides the role, said under the roles; null for other roles. */
function roleNeeds(t: TFunction, chosen: readonly Role[] | undefined) {
  const lines = [
    chosen?.includes("lead") ? t("adm.users.leadNeeds") : null,
    chosen?.includes("member") ? t("adm.users.memberNeeds") : null,
  ].filter((x) => x !== null);
  return lines.length ? (
    <div data-testid="user-role-needs">
      {lines.map((l) => (
        <div key={l}>{l}</div>
      ))}
    </div>
  ) : null;
}

/**
 * 新增用户 / 编辑用户: username, display name, the linked person, roles (none chosen for a new
 * account: each is a decision); a new account's first password (sent with it, in one request); an
 * existing one may be disabled. A lead or an owner acts through its person, so it needs one here
 * (the API itself accepts an account without one).
 */
export function UserFormModal(props: { editing: User | "new" | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserFormValues>();
  const names = useNames();
  const create = useCreateUser();
  const patch = usePatchUser();
  const existing = props.editing && props.editing !== "new" ? props.editing : null;
  const chosen = Form.useWatch("roles", form) as Role[] | undefined;
  const personNeeded = needsPerson(chosen);
  const m = existing ? patch : create;
  const close = () => {
    create.reset();
    patch.reset();
    props.onClose();
  };
  const submit = (raw: Record<string, unknown>) => {
    const v = raw as UserFormValues;
    const done = () => {
      void message.success(existing ? t("common.saved") : t("adm.users.created", { name: v.displayName }));
      close();
    };
    if (existing) patch.mutate({ id: existing.id, body: userPatchOf(existing, v) }, { onSuccess: done });
    else create.mutate(userCreateBodyOf(v), { onSuccess: done });
  };
  return (
    <FormModal
      form={form}
      open={!!props.editing}
      title={existing ? t("adm.users.editTitle", { name: existing.displayName }) : t("adm.users.createTitle")}
      onCancel={close}
      onFinish={submit}
      pending={m.isPending}
      okText={t("common.save")}
      initialValues={existing ?? { roles: [] }}
      onValuesChange={(changed) => {
        const person = names.persons.find((p) => p.id === changed.personId);
        if (person && !form.getFieldValue("displayName")) form.setFieldValue("displayName", person.name);
      }}
      error={<WriteError error={m.error} />}
      failure={m.error}
    >
      <Form.Item
        name="username"
        label={t("adm.users.username")}
        extra={t("adm.users.usernameHint")}
        rules={[{ required: true }, zodRule(f.username)]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="personId"
        label={t("adm.users.person")}
        extra={t("adm.users.personHint")}
        required={personNeeded}
        dependencies={["roles"]}
        rules={[
          {
            validator: (_, v) =>
              v || !needsPerson(form.getFieldValue("roles"))
                ? Promise.resolve()
                : Promise.reject(new Error(t("adm.users.personRequired"))),
          },
        ]}
      >
        <Select
          id="personId"
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          options={names.persons.map((p) => ({
            value: p.id,
            label: p.post ? `${p.name}（${p.post}）` : p.name,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t("adm.users.displayName")}
        rules={[{ required: true }, zodRule(f.displayName)]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="roles"
        label={t("adm.users.roles")}
        extra={roleNeeds(t, chosen)}
        rules={[{ required: true, type: "array", min: 1, message: t("adm.users.rolesRequired") }]}
      >
        <Select
          id="roles"
          mode="multiple"
          options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
      </Form.Item>
      {existing ? (
        <Form.Item name="disabled" valuePropName="checked">
          <Checkbox>{t("adm.users.disable")}</Checkbox>
        </Form.Item>
      ) : (
        <Form.Item
          name="password"
          label={t("adm.users.password")}
          extra={t("adm.users.passwordHint")}
          rules={[{ required: true }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
    </FormModal>
  );
}
