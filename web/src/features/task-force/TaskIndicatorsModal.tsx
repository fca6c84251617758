import { App, Form, type FormInstance, Select } from "antd";
import { useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { fetchTask } from "../../api/data";
import type { Task, TaskForceFull } from "../../api/types";
import { FormModal } from "../../components/FormModal";
import { detailMessage } from "../../hooks/messages";
import { usePatchTask } from "../../hooks/use-mutations";
import { useIndicatorCascades } from "../overview/use-indicator-cascades";
import { PlanErrorAlert } from "./PlanErrorAlert";
import {
  type IndicatorChoice,
  indicatorChoices,
  indicatorLabel,
  indicatorRefusals,
  onlyAboutIndicators,
} from "./task-indicators";
import { usePlanErrorContext } from "./use-plan-edits";

const NONE: readonly string[] = [];

/**
 * The indicators a task of the task force may advance (its own and the district-level ones), and a
 * label for any id (an indicator not readable any more shows as its id).
 */
export function useIndicatorChoices(full: TaskForceFull, linked: readonly string[]) {
  const { t } = useTranslation();
  // Every indicator the user may read, district-level ones included (the overview of a task
  // force's lead holds only its own).
  const cascades = useIndicatorCascades();
  return useMemo(() => {
    const all = new Map<string, IndicatorChoice>();
    for (const n of cascades.data?.nodes ?? []) all.set(n.indicatorId, { ...n, id: n.indicatorId });
    for (const i of full.indicators) all.set(i.id, i);
    const c = indicatorChoices([...all.values()], full.taskForce.id, linked);
    const labelOf = (id: string) => {
      const i = all.get(id);
      return i ? indicatorLabel(i) : t("ilinks.task.unknown", { id });
    };
    const option = (i: IndicatorChoice) => ({ value: i.id, label: indicatorLabel(i) });
    // A linked indicator the user cannot read (another task force's) is named by its id.
    const unreadable = linked.filter((id) => !all.has(id)).map((id) => ({ value: id, label: labelOf(id) }));
    const groups = [
      { label: t("ilinks.task.own"), title: t("ilinks.task.own"), options: c.own.map(option) },
      { label: t("ilinks.task.district"), title: t("ilinks.task.district"), options: c.district.map(option) },
      {
        label: t("tf.indicators"),
        title: t("tf.indicators"),
        options: [...c.other.map(option), ...unreadable],
      },
    ].filter((g) => g.options.length > 0);
    return { groups, labelOf };
  }, [cascades.data, full, linked, t]);
}

/** 支撑指标 as a form field (name `indicatorIds`): a multiple Select of the task force's and the district's indicators. */
export function IndicatorIdsField({ full, linked }: { full: TaskForceFull; linked: readonly string[] }) {
  const { t } = useTranslation();
  const choices = useIndicatorChoices(full, linked);
  return (
    <Form.Item name="indicatorIds" label={t("ilinks.task.field")} extra={t("ilinks.task.hint")}>
      <Select
        mode="multiple"
        allowClear
        showSearch={{ optionFilterProp: "label" }}
        options={choices.groups}
        data-testid="task-indicator-ids"
      />
    </Form.Item>
  );
}

/** Shows the refusals of `indicatorIds` (as sent: `sent`) beside the field, each naming its indicator. */
export function useRefusalsBeside(
  form: FormInstance,
  error: unknown,
  full: TaskForceFull,
  sent: readonly string[],
) {
  const { labelOf } = useIndicatorChoices(full, sent);
  useEffect(() => {
    const errors = indicatorRefusals(error, sent, labelOf, (d) => detailMessage(d));
    if (errors.length) form.setFields([{ name: "indicatorIds", errors }]);
  }, [error, sent, labelOf, form]);
}

/**
 * 支撑指标 of one task: which indicators it advances, saved with `PATCH /tasks/{id}` at the task's
 * version. A refusal (`indicatorIds.<k>`: another task force's indicator) shows beside the field,
 * naming the indicator; a stale version offers reload and reapply.
 */
export function TaskIndicatorsModal(props: { full: TaskForceFull; task: Task | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const m = usePatchTask();
  const ctx = usePlanErrorContext(props.full, props.task?.id ?? null);
  const task = props.task;
  const linked = task?.indicatorIds ?? NONE;
  const sent = useMemo(() => (m.variables?.body.indicatorIds as string[] | undefined) ?? NONE, [m.variables]);
  useRefusalsBeside(form, m.error, props.full, sent);
  const close = () => {
    m.reset();
    props.onClose();
  };
  const save = (version: number, indicatorIds: readonly string[]) =>
    task &&
    m.mutate(
      { id: task.id, body: { version, indicatorIds: [...indicatorIds] } },
      {
        onSuccess: () => {
          void message.success(t("ilinks.task.saved", { code: task.code }));
          close();
        },
      },
    );
  const reapply = async () => {
    if (!task) return;
    const latest = await fetchTask(task.id);
    save(latest.version, sent);
  };
  return (
    <FormModal
      form={form}
      open={!!task}
      title={t("ilinks.task.title", { task: task ? `${task.code} ${task.title}` : "" })}
      onCancel={close}
      onFinish={(v) => save(task?.version ?? 1, (v.indicatorIds as string[] | undefined) ?? [])}
      pending={m.isPending}
      initialValues={{ indicatorIds: linked }}
      error={
        // Refusals of the links alone are named beside the field; anything else is explained below.
        onlyAboutIndicators(m.error) ? null : (
          <PlanErrorAlert
            error={m.error}
            context={ctx}
            onReapply={() => void reapply()}
            onClose={() => m.reset()}
          />
        )
      }
    >
      {props.task ? <IndicatorIdsField full={props.full} linked={linked} /> : null}
    </FormModal>
  );
}
