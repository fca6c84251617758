import { DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { App, Button, Form, Input, Popconfirm, Select, Space, Table } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { memberRoles, memberSchemas } from "../../../../src/shared/api/task-forces";
import type { Member, TaskForceFull } from "../../api/types";
import { FormModal } from "../../components/FormModal";
import { useCan } from "../../hooks/use-can";
import { useNames } from "../../hooks/use-data";
import { orNull, zodRule } from "../../hooks/validate";
import { PlanErrorAlert } from "./PlanErrorAlert";
import {
  personLabel,
  useCreateMember,
  useDeletePlanRecord,
  usePatchPlanRecord,
  usePlanErrorContext,
} from "./use-plan-edits";

const f = memberSchemas.create.shape;
const ROLE_ORDER = Object.fromEntries(memberRoles.map((r, i) => [r, i]));

/**
 * The member form: a new member (a person not yet in the task force, post, role, duties) or an
 * existing one's post, role, duties (the person stays).
 */
function MemberModal(props: { full: TaskForceFull; editing: Member | "new" | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const names = useNames();
  const [form] = Form.useForm();
  const create = useCreateMember();
  const patch = usePatchPlanRecord("members");
  const existing = props.editing && props.editing !== "new" ? props.editing : null;
  const ctx = usePlanErrorContext(props.full, existing?.id ?? null);
  const members = props.full.members;
  const candidates = useMemo(() => {
    const taken = new Set(members.map((x) => x.personId));
    return names.persons.filter((p) => p.id === existing?.personId || !taken.has(p.id));
  }, [names.persons, members, existing]);
  const m = existing ? patch : create;
  const close = () => {
    create.reset();
    patch.reset();
    props.onClose();
  };
  const done = () => {
    void message.success(t("common.saved"));
    close();
  };
  const submit = (v: Record<string, unknown>) => {
    const fields = { post: v.post, role: v.role, duties: orNull(v.duties) };
    if (existing)
      patch.mutate({ id: existing.id, body: { ...fields, version: existing.version } }, { onSuccess: done });
    else
      create.mutate(
        { taskForceId: props.full.taskForce.id, personId: v.personId, ...fields },
        { onSuccess: done },
      );
  };
  return (
    <FormModal
      form={form}
      open={!!props.editing}
      title={existing ? `${t("plan.editMember")} · ${names.person(existing.personId)}` : t("plan.addMember")}
      onCancel={close}
      onFinish={submit}
      pending={m.isPending}
      okText={t("common.save")}
      initialValues={existing ?? { role: "member" }}
      onValuesChange={(changed) => {
        const p = names.persons.find((x) => x.id === changed.personId);
        if (p?.post && !form.getFieldValue("post")) form.setFieldValue("post", p.post);
      }}
      error={
        <PlanErrorAlert
          error={m.error}
          context={ctx}
          onReapply={() => void patch.reapply({ onSuccess: done })}
        />
      }
      failure={m.error}
    >
      <Form.Item name="personId" label={t("tf.person")} rules={[zodRule(f.personId)]}>
        <Select
          disabled={!!existing}
          showSearch={{ optionFilterProp: "label" }}
          options={candidates.map((p) => ({ value: p.id, label: personLabel(p) }))}
        />
      </Form.Item>
      <Form.Item name="post" label={t("tf.post")} rules={[zodRule(f.post)]}>
        <Input />
      </Form.Item>
      <Form.Item name="role" label={t("tf.role")} rules={[zodRule(f.role)]}>
        <Select options={memberRoles.map((r) => ({ value: r, label: t(`plan.roles.${r}`) }))} />
      </Form.Item>
      <Form.Item name="duties" label={t("tf.duties")} rules={[zodRule(f.duties, orNull)]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}

/** 成员: the task force's members on their posts; its lead (and admins) add, edit and remove them. */
export function MembersPanel({ full }: { full: TaskForceFull }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const names = useNames();
  const editable = can.editPlan(full.taskForce.id, "members");
  const [editing, setEditing] = useState<Member | "new" | null>(null);
  const del = useDeletePlanRecord();
  const ctx = usePlanErrorContext(full, del.variables?.id ?? null);
  const rows = [...full.members].sort(
    (a, b) => (ROLE_ORDER[a.role] ?? 9) - (ROLE_ORDER[b.role] ?? 9) || a.post.localeCompare(b.post),
  );
  const remove = (m: Member) =>
    del.mutate(
      { resource: "members", id: m.id, version: m.version },
      { onSuccess: () => void message.success(t("plan.deleted", { what: names.person(m.personId) })) },
    );
  return (
    <>
      <PlanErrorAlert
        error={del.error}
        context={ctx}
        onReapply={() => void del.reapply()}
        onClose={() => del.reset()}
      />
      {editable ? (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          data-testid="add-member"
          style={{ marginBottom: 8 }}
          onClick={() => setEditing("new")}
        >
          {t("plan.addMember")}
        </Button>
      ) : null}
      <Table<Member>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        aria-label={t("plan.members")}
        columns={[
          { title: t("tf.person"), width: 120, render: (_, m) => names.person(m.personId) },
          { title: t("tf.post"), dataIndex: "post", width: 260 },
          { title: t("tf.role"), width: 110, render: (_, m) => t(`plan.roles.${m.role}`) },
          { title: t("tf.duties"), dataIndex: "duties" },
          ...(editable
            ? [
                {
                  title: "",
                  width: 190,
                  render: (_: unknown, m: Member) => (
                    <Space size={4}>
                      <Button
                        size="small"
                        icon={<EditOutlined />}
                        aria-label={`${t("common.edit")} ${names.person(m.personId)}`}
                        onClick={() => setEditing(m)}
                      >
                        {t("common.edit")}
                      </Button>
                      <Popconfirm
                        title={t("plan.confirmRemoveMember", { name: names.person(m.personId) })}
                        okText={t("plan.remove")}
                        okButtonProps={{ danger: true }}
                        cancelText={t("common.cancel")}
                        onConfirm={() => remove(m)}
                      >
                        <Button
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={`${t("plan.remove")} ${names.person(m.personId)}`}
                        >
                          {t("plan.remove")}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {/* Keyed so that each opening starts a fresh form with that member's values. */}
      <MemberModal
        key={editing === "new" ? "new" : (editing?.id ?? "closed")}
        full={full}
        editing={editing}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
