import { App, Col, Form, Input, Row, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { TaskForceFull } from "../../api/types";
import { FormModal } from "../../components/FormModal";
import { useNames } from "../../hooks/use-data";
import { useStatusDate } from "../../hooks/use-status-date";
import { orNull } from "../../hooks/validate";
import { BaselineTargetCols, CodeNameCols, KindCols, YearCol } from "./IndicatorFields";
import { nextIndicatorCode, parseMonthlyPlan } from "./indicator-form";
import { PlanErrorAlert } from "./PlanErrorAlert";
import { personLabel, taskLabel, useCreateIndicator, usePlanErrorContext } from "./use-plan-edits";

/** 新增指标: name, kind, direction, unit, baseline, target, year, owner, optional monthly plan. */
export function IndicatorFormModal(props: { full: TaskForceFull; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const names = useNames();
  const statusDate = useStatusDate();
  const [form] = Form.useForm();
  const m = useCreateIndicator();
  const ctx = usePlanErrorContext(props.full, null);
  const { taskForce, indicators, tasks, members } = props.full;
  const memberIds = new Set(members.map((x) => x.personId));
  const close = () => {
    m.reset();
    props.onClose();
  };
  const submit = (v: Record<string, unknown>) => {
    const plan = parseMonthlyPlan(v.monthlyPlan as string | undefined);
    if (!plan.ok) return;
    m.mutate(
      {
        taskForceId: taskForce.id,
        taskId: v.taskId ?? null,
        code: v.code,
        name: v.name,
        unit: v.unit ?? "",
        kind: v.kind,
        direction: v.direction,
        year: v.year,
        baseline: v.baseline ?? null,
        target: v.target,
        monthlyPlan: plan.plan,
        ownerPersonId: v.ownerPersonId ?? null,
      },
      {
        onSuccess: (ind) => {
          void message.success(t("plan.created", { code: ind.code }));
          close();
        },
      },
    );
  };
  return (
    <FormModal
      form={form}
      open={props.open}
      title={t("plan.addIndicator")}
      onCancel={close}
      onFinish={submit}
      pending={m.isPending}
      width={720}
      initialValues={{
        code: nextIndicatorCode(
          indicators.map((i) => i.code),
          taskForce.code,
        ),
        kind: "cumulative",
        direction: "up",
        year: Number(statusDate.slice(0, 4)),
      }}
      error={<PlanErrorAlert error={m.error} context={ctx} />}
      failure={m.error}
    >
      <Row gutter={12}>
        <CodeNameCols />
      </Row>
      <Row gutter={12}>
        <KindCols span={8} />
      </Row>
      <Row gutter={12}>
        <BaselineTargetCols />
        <YearCol span={8} />
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="ownerPersonId" label={t("plan.owner")}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              options={names.persons
                .filter((p) => memberIds.has(p.id))
                .map((p) => ({ value: p.id, label: personLabel(p) }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="taskId" label={t("plan.indTask")}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              options={tasks.map((x) => ({ value: x.id, label: taskLabel(x) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="monthlyPlan"
        label={t("plan.monthlyPlan")}
        rules={[
          {
            validator: async (_: unknown, v: unknown) => {
              const r = parseMonthlyPlan(orNull(v) as string | null);
              if (!r.ok) throw new Error(t("plan.monthlyPlanBad", { line: r.line }));
            },
          },
        ]}
      >
        <Input.TextArea rows={3} placeholder={"2022-07 50\n2022-08 60"} />
      </Form.Item>
    </FormModal>
  );
}
