import { DeleteOutlined } from "@ant-design/icons";
import { App, Button, Drawer, Form, InputNumber, Popconfirm, Select, Space, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { dependencySchemas, dependencyTypes } from "../../../../src/shared/api/tasks";
import type { Dependency, Task, TaskForceFull } from "../../api/types";
import { zodRule } from "../../hooks/validate";
import { PlanErrorAlert } from "./PlanErrorAlert";
import { taskLabel, useCreateDependency, useDeletePlanRecord, usePlanErrorContext } from "./use-plan-edits";

const f = dependencySchemas.create.shape;

/**
 * 前置任务 of one task: its predecessors (type, lag) with add and remove, and its successors for
 * reference. A refusal (a cycle, a rule) is explained with the tasks' WBS codes and titles.
 */
export function DependencyDrawer(props: { full: TaskForceFull; task: Task | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const add = useCreateDependency();
  const remove = useDeletePlanRecord();
  const ctx = usePlanErrorContext(props.full, props.task?.id ?? null);
  const task = props.task;
  const deps = props.full.dependencies;
  const preds = task ? deps.filter((d) => d.successorId === task.id) : [];
  const succs = task ? deps.filter((d) => d.predecessorId === task.id) : [];
  const label = (id: string) => ctx.taskLabel(id) ?? id;
  const taken = new Set(preds.map((d) => d.predecessorId));
  const options = props.full.tasks
    .filter((x) => x.id !== task?.id && !taken.has(x.id))
    .map((x) => ({ value: x.id, label: taskLabel(x) }));
  const reset = () => {
    add.reset();
    remove.reset();
  };
  const close = () => {
    reset();
    props.onClose();
  };
  const submit = (v: Record<string, unknown>) => {
    if (!task) return;
    remove.reset();
    add.mutate(
      { predecessorId: v.predecessorId, successorId: task.id, type: v.type, lag: v.lag ?? 0 },
      {
        onSuccess: () => {
          void message.success(t("common.saved"));
          form.resetFields();
        },
      },
    );
  };
  const drop = (d: Dependency) => {
    add.reset();
    remove.mutate({ resource: "dependencies", id: d.id, version: d.version });
  };
  return (
    <Drawer
      open={!!task}
      onClose={close}
      size="large"
      title={task ? t("plan.predecessorsOf", { task: taskLabel(task) }) : ""}
      destroyOnHidden
    >
      <PlanErrorAlert
        error={add.error ?? remove.error}
        context={ctx}
        onReapply={() => void remove.reapply()}
        onClose={reset}
      />
      <Table<Dependency>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={preds}
        locale={{ emptyText: t("plan.noDeps") }}
        columns={[
          { title: t("plan.predecessor"), render: (_, d) => label(d.predecessorId) },
          { title: t("plan.depType"), width: 150, render: (_, d) => t(`plan.depTypes.${d.type}`) },
          { title: t("plan.lag"), width: 100, dataIndex: "lag" },
          {
            title: "",
            width: 90,
            render: (_, d) => (
              <Popconfirm
                title={t("plan.confirmRemoveDependency", { task: label(d.predecessorId) })}
                okText={t("plan.remove")}
                cancelText={t("common.cancel")}
                onConfirm={() => drop(d)}
              >
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`${t("plan.remove")} ${label(d.predecessorId)}`}
                >
                  {t("plan.remove")}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t("plan.addDependency")}
      </Typography.Title>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ type: "FS", lag: 0 }}>
        <Form.Item name="predecessorId" label={t("plan.predecessor")} rules={[zodRule(f.predecessorId)]}>
          <Select showSearch={{ optionFilterProp: "label" }} options={options} />
        </Form.Item>
        <Space align="end" wrap>
          <Form.Item name="type" label={t("plan.depType")} rules={[zodRule(f.type)]}>
            <Select
              style={{ width: 180 }}
              options={dependencyTypes.map((x) => ({ value: x, label: t(`plan.depTypes.${x}`) }))}
            />
          </Form.Item>
          <Form.Item name="lag" label={t("plan.lag")} rules={[zodRule(f.lag, (v) => v ?? 0)]}>
            <InputNumber precision={0} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={add.isPending}>
              {t("plan.addDependency")}
            </Button>
          </Form.Item>
        </Space>
      </Form>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t("plan.successors")}
      </Typography.Title>
      {succs.length ? (
        <ul data-testid="successors">
          {succs.map((d) => (
            <li key={d.id}>
              {label(d.successorId)} · {t(`plan.depTypes.${d.type}`)}
              {d.lag ? ` · ${t("plan.lag")} ${d.lag}` : ""}
            </li>
          ))}
        </ul>
      ) : (
        <Typography.Text type="secondary">{t("common.none")}</Typography.Text>
      )}
    </Drawer>
  );
}
