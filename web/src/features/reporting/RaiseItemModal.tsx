import { App, Form, Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import { supervisionItemSchemas } from "../../../../src/shared/api/supervision";
import { WriteError } from "../../components/ConflictAlert";
import { DateField } from "../../components/DateField";
import { FormModal } from "../../components/FormModal";
import { useNames, useTaskForces, useTasksWhere } from "../../hooks/use-data";
import { useRaiseSupervision } from "../../hooks/use-mutations";
import { useSession } from "../../hooks/use-session";
import { useStatusDate } from "../../hooks/use-status-date";
import { zodRule } from "../../hooks/validate";

const f = supervisionItemSchemas.create.shape;

/** 下发督办单: raise a supervision item on a task force or one of its tasks. */
export function RaiseItemModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const statusDate = useStatusDate();
  const session = useSession().data;
  const names = useNames();
  const tfs = useTaskForces();
  const [form] = Form.useForm();
  const tfId: string | undefined = Form.useWatch("taskForceId", form);
  const tasks = useTasksWhere({ taskForceId: tfId ?? "" }, !!tfId);
  const m = useRaiseSupervision();
  const submit = (v: Record<string, unknown>) => {
    const task = tasks.data?.items.find((x) => x.id === v.taskId);
    m.mutate(
      {
        taskForceId: v.taskForceId,
        taskId: v.taskId ?? null,
        raisedById: session?.personId ?? null,
        raisedOn: statusDate,
        issue: v.issue,
        requiredAction: v.requiredAction,
        responsiblePersonId: v.responsiblePersonId ?? task?.responsiblePersonId ?? null,
        responsibleUnitId: task?.responsibleUnitId ?? null,
        dueDate: v.dueDate,
      },
      {
        onSuccess: () => {
          void message.success(t("sup.raised"));
          onClose();
        },
      },
    );
  };
  return (
    <FormModal
      form={form}
      open={open}
      title={t("sup.raise")}
      // Closing forgets a refused write, so the next opening does not show its error again.
      onCancel={() => {
        m.reset();
        onClose();
      }}
      onFinish={submit}
      pending={m.isPending}
      width={640}
      error={<WriteError error={m.error} />}
      failure={m.error}
    >
      <Form.Item name="taskForceId" label={t("overview.taskForce")} rules={[{ required: true }]}>
        <Select
          showSearch
          optionFilterProp="label"
          options={(tfs.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.code} ${x.name}` }))}
        />
      </Form.Item>
      <Form.Item name="taskId" label={t("sup.task")}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          options={(tasks.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.code} ${x.title}` }))}
        />
      </Form.Item>
      <Form.Item name="issue" label={t("sup.issue")} rules={[zodRule(f.issue, (v) => v ?? "")]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item
        name="requiredAction"
        label={t("sup.requiredAction")}
        rules={[zodRule(f.requiredAction, (v) => v ?? "")]}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="responsiblePersonId" label={t("task.responsible")}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          options={names.persons.map((p) => ({ value: p.id, label: p.name }))}
        />
      </Form.Item>
      <Form.Item
        name="dueDate"
        label={t("sup.due")}
        rules={[
          zodRule(f.dueDate, (v) => v ?? ""),
          {
            validator: async (_r, v) =>
              !v || v > statusDate ? undefined : Promise.reject(t("sup.dueAfterRaised")),
          },
        ]}
      >
        <DateField />
      </Form.Item>
    </FormModal>
  );
}
