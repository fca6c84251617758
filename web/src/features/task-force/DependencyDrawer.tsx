import { DeleteOutlined } from "@ant-design/icons";
import { App, Button, Drawer, Form, InputNumber, Popconfirm, Select, Space, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { dependencySchemas, dependencyTypes } from "../../../../src/shared/api/tasks";
import type { Dependency, Task, TaskForceFull } from "../../api/types";
import { zodRule } from "../../hooks/validate";
import { PlanErrorAlert } from "./PlanErrorAlert";
import {
  taskLabel,
  useCreateDependency,
  useDeletePlanRecord,
  usePatchPlanRecord,
  usePlanErrorContext,
} from "./use-plan-edits";

const f = dependencySchemas.create.shape;
const typeOptions = (t: (k: string) => string) =>
  dependencyTypes.map((x) => ({ value: x, label: t(`plan.depTypes.${x}`) }));

/** What a predecessor's row sends when its type or lag is changed in place. */
type DependencyChange = { type?: Dependency["type"]; lag?: number };

/**
 * A predecessor's lag, changed in place: sent on Enter or when the field is left (checked with the
 * shared update schema before it is sent), Escape puts the saved lag back. Keyed by the record's
 * version, so a refreshed record starts it afresh.
 */
function LagInput(props: {
  dep: Dependency;
  label: string;
  disabled: boolean;
  onChange: (c: DependencyChange) => void;
}) {
  const [lag, setLag] = useState<number | null>(props.dep.lag);
  // Enter and then leaving the field send once: the record is refreshed only after the answer.
  const [sent, setSent] = useState(props.dep.lag);
  const commit = () => {
    if (lag === null || lag === sent) return;
    setSent(lag);
    props.onChange({ lag });
  };
  return (
    <InputNumber
      size="small"
      precision={0}
      disabled={props.disabled}
      aria-label={props.label}
      value={lag}
      onChange={setLag}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === "Enter") commit();
        else if (e.key === "Escape") setLag(props.dep.lag);
      }}
      style={{ width: 80 }}
    />
  );
}

/**
 * 前置任务 of one task: its predecessors with add and remove, their type and lag changed in place,
 * and its successors for reference. A refusal (a cycle, a rule) is explained with the tasks' WBS
 * codes and titles; a stale version offers reload-and-reapply.
 */
export function DependencyDrawer(props: { full: TaskForceFull; task: Task | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const add = useCreateDependency();
  const remove = useDeletePlanRecord();
  const edit = usePatchPlanRecord("dependencies");
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
    edit.reset();
  };
  const close = () => {
    reset();
    props.onClose();
  };
  const submit = (v: Record<string, unknown>) => {
    if (!task) return;
    reset();
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
    reset();
    remove.mutate({ resource: "dependencies", id: d.id, version: d.version });
  };
  const change = (d: Dependency, c: DependencyChange) => {
    reset();
    edit.mutate(
      { id: d.id, body: { ...c, version: d.version } },
      { onSuccess: () => void message.success(t("common.saved")) },
    );
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
        error={add.error ?? remove.error ?? edit.error}
        context={ctx}
        onReapply={() => void (edit.error ? edit.reapply() : remove.reapply())}
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
          {
            title: t("plan.depType"),
            width: 170,
            render: (_, d) => (
              <Select
                key={`${d.id}@${d.version}`}
                size="small"
                aria-label={t("plan.depTypeOf", { task: label(d.predecessorId) })}
                defaultValue={d.type}
                disabled={edit.isPending}
                onChange={(type) => change(d, { type })}
                options={typeOptions(t)}
                style={{ width: 160 }}
              />
            ),
          },
          {
            title: t("plan.lag"),
            width: 110,
            render: (_, d) => (
              <LagInput
                key={`${d.id}@${d.version}`}
                dep={d}
                label={t("plan.lagOf", { task: label(d.predecessorId) })}
                disabled={edit.isPending}
                onChange={(c) => change(d, c)}
              />
            ),
          },
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
            <Select style={{ width: 180 }} options={typeOptions(t)} />
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
