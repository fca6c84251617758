import { App, Col, Form, type FormInstance, type FormRule, Input, InputNumber, Row, Select } from "antd";
import type { TFunction } from "i18next";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { taskSchemas } from "../../../../src/shared/api/tasks";
import type { Task, TaskForceFull } from "../../api/types";
import { DateField } from "../../components/DateField";
import { FormModal } from "../../components/FormModal";
import { useNames } from "../../hooks/use-data";
import { orNull, zodRule } from "../../hooks/validate";
import { PlanErrorAlert } from "./PlanErrorAlert";
import { IndicatorIdsField, useRefusalsBeside } from "./TaskIndicatorsModal";
import { personLabel, taskLabel, useCreateTask, useOrgUnits, usePlanErrorContext } from "./use-plan-edits";
import { nextWbsCode } from "./wbs-code";

const f = taskSchemas.create.shape;
/** A new task links no indicator until chosen. */
const NO_LINKS: readonly string[] = [];

/** What the add-task modal is opened for: a new task, at the top level or under `parentId`. */
export interface NewTaskTarget {
  readonly parentId: string | null;
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/**
 * The rules of a responsibility field (person, post, unit), which the five-ization check asks of
 * every task, summaries included: required of a task without a duration (a summary: its sub-tasks
 * carry the durations), a warning that does not block on any other.
 */
function responsibilityRules(t: TFunction, form: FormInstance, label: string): FormRule[] {
  const field = t(label);
  const summary = () => blank(form.getFieldValue("duration"));
  return [
    {
      validator: (_, v) =>
        blank(v) && summary()
          ? Promise.reject(new Error(t("tfs.taskForm.summaryNeeds", { field })))
          : Promise.resolve(),
    },
    {
      warningOnly: true,
      validator: (_, v) =>
        blank(v) && !summary()
          ? Promise.reject(new Error(t("tfs.taskForm.fiveNeeds", { field })))
          : Promise.resolve(),
    },
  ];
}

const RESPONSIBILITY = ["responsiblePersonId", "responsiblePost", "responsibleUnitId"];

/**
 * Checks again those of `names` that show a message: a duration given or a post proposed may have
 * answered it (the rules run on submit, and on a field's own change only).
 */
function recheckShown(form: FormInstance, names: readonly string[]) {
  const shown = names.filter((n) => form.getFieldError(n).length || form.getFieldWarning(n).length);
  if (shown.length) form.validateFields(shown).catch(() => undefined);
}

/**
 * What becomes of the chosen parent: a task without sub-tasks becomes a summary, its own duration
 * and weight no longer counting (its record is not changed); a summary stays as it is.
 */
function parentNote(t: TFunction, tasks: readonly Task[], parentId: string | null | undefined) {
  const parent = parentId ? tasks.find((x) => x.id === parentId) : undefined;
  if (!parent) return undefined;
  const task = taskLabel(parent);
  return tasks.some((x) => x.parentId === parent.id)
    ? t("tfs.taskForm.parentStaysSummary", { task })
    : t("tfs.taskForm.parentBecomesSummary", { task, weight: parent.weight });
}

/**
 * 新增任务: a task (or milestone, duration 0) of the WBS, validated with `taskSchemas.create`. A new
 * task has no sub-tasks, so its weight counts; the form says what becomes of its parent.
 */
export function TaskFormModal(props: {
  full: TaskForceFull;
  target: NewTaskTarget | null;
  onClose: () => void;
  onCreated?: (task: Task) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const m = useCreateTask();
  const names = useNames();
  const units = useOrgUnits();
  const ctx = usePlanErrorContext(props.full, null);
  useRefusalsBeside(
    form,
    m.error,
    props.full,
    (m.variables?.indicatorIds as string[] | undefined) ?? NO_LINKS,
  );
  const { tasks, taskForce, members } = props.full;
  const propose = (parentId: string | null) => nextWbsCode(tasks, parentId, taskForce.code);
  const memberIds = useMemo(() => new Set(members.map((x) => x.personId)), [members]);
  // The task force's members first: they are who a lead usually assigns.
  const personOptions = useMemo(
    () =>
      [...names.persons]
        .sort((a, b) => Number(memberIds.has(b.id)) - Number(memberIds.has(a.id)))
        .map((p) => ({ value: p.id, label: personLabel(p) })),
    [names.persons, memberIds],
  );
  const close = () => {
    m.reset();
    props.onClose();
  };
  const onValuesChange = (changed: Record<string, unknown>) => {
    if ("parentId" in changed && !form.isFieldTouched("code"))
      form.setFieldValue("code", propose((changed.parentId as string | undefined) ?? null));
    if ("responsiblePersonId" in changed) {
      const p = names.persons.find((x) => x.id === changed.responsiblePersonId);
      if (p?.post && !form.getFieldValue("responsiblePost")) form.setFieldValue("responsiblePost", p.post);
      if (p?.orgUnitId && !form.getFieldValue("responsibleUnitId"))
        form.setFieldValue("responsibleUnitId", p.orgUnitId);
    }
    recheckShown(form, RESPONSIBILITY);
  };
  const submit = (v: Record<string, unknown>) =>
    m.mutate(
      {
        taskForceId: taskForce.id,
        parentId: v.parentId ?? null,
        code: v.code,
        title: v.title,
        duration: v.duration ?? null,
        deadline: orNull(v.deadline),
        responsibleUnitId: v.responsibleUnitId ?? null,
        responsiblePersonId: v.responsiblePersonId ?? null,
        responsiblePost: orNull(v.responsiblePost),
        weight: v.weight ?? 0,
        acceptance: orNull(v.acceptance),
        indicatorIds: (v.indicatorIds as string[] | undefined) ?? [],
      },
      {
        onSuccess: (task) => {
          void message.success(t("plan.created", { code: task.code }));
          close();
          props.onCreated?.(task);
        },
      },
    );
  const parentId = props.target?.parentId ?? null;
  const chosenParent = Form.useWatch("parentId", form) as string | null | undefined;
  const responsibility = (name: string, label: string) => ({
    name,
    label: t(label),
    rules: responsibilityRules(t, form, label),
  });
  return (
    <FormModal
      form={form}
      open={!!props.target}
      title={t("plan.addTask")}
      onCancel={close}
      onFinish={submit}
      pending={m.isPending}
      width={720}
      onValuesChange={onValuesChange}
      initialValues={{ parentId: parentId ?? undefined, code: propose(parentId), weight: 0 }}
      error={<PlanErrorAlert error={m.error} context={ctx} />}
      failure={m.error}
    >
      <Row gutter={12}>
        <Col span={16}>
          <Form.Item name="parentId" label={t("plan.parent")} extra={parentNote(t, tasks, chosenParent)}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              placeholder={t("plan.topLevel")}
              options={tasks.map((x) => ({ value: x.id, label: taskLabel(x) }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="code" label={t("plan.code")} rules={[zodRule(f.code)]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="title" label={t("plan.title")} rules={[zodRule(f.title)]}>
        <Input />
      </Form.Item>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item
            name="duration"
            label={t("plan.duration")}
            extra={t("tfs.taskForm.durationHint")}
            rules={[zodRule(f.duration)]}
          >
            <InputNumber style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="deadline" label={t("plan.deadline")} rules={[zodRule(f.deadline, orNull)]}>
            <DateField style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="weight"
            label={t("plan.weight")}
            extra={t("tfs.taskForm.weightHint")}
            rules={[zodRule(f.weight, (v) => v ?? 0)]}
          >
            <InputNumber style={{ width: "100%" }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item {...responsibility("responsiblePersonId", "plan.person")}>
            <Select allowClear showSearch={{ optionFilterProp: "label" }} options={personOptions} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            {...responsibility("responsiblePost", "plan.post")}
            rules={[zodRule(f.responsiblePost, orNull), ...responsibilityRules(t, form, "plan.post")]}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item {...responsibility("responsibleUnitId", "plan.unit")}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="acceptance" label={t("plan.acceptance")} rules={[zodRule(f.acceptance, orNull)]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <IndicatorIdsField full={props.full} linked={NO_LINKS} />
    </FormModal>
  );
}
