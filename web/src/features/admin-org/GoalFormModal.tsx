import { Col, Form, Input, InputNumber, Row, Select } from "antd";
import { useTranslation } from "react-i18next";
import { type Goal, goalLevels, goalSchemas } from "../../../../src/shared/api/goals";
import type { OrgUnit } from "../../api/types";
import { FormModal } from "../../components/FormModal";
import { useStatusDate } from "../../hooks/use-status-date";
import { orNull, zodRule } from "../../hooks/validate";
import { goalOptions, unitOptions } from "./org-options";
import { childLevel, nextChildCode, subtreeIds } from "./org-tree";
import { PickSelect } from "./PickSelect";
import { useRecordForm } from "./use-record-form";

const f = goalSchemas.create.shape;

/** What the goal dialog does: add a goal (under `parent` when given) or edit `goal`. */
export type GoalTarget = { readonly parent: Goal | null } | { readonly goal: Goal };

/**
 * The values a new goal starts with: a code and level below its parent, the parent's year and unit;
 * without a parent's year, the year of the status date (`statusYear`).
 */
function newGoal(parent: Goal | null, goals: readonly Goal[], statusYear: number) {
  const siblings = goals.filter((g) => g.parentId === (parent?.id ?? null)).map((g) => g.code);
  return {
    code: nextChildCode(parent?.code ?? null, siblings, "."),
    level: childLevel(parent?.level ?? null),
    parentId: parent?.id ?? null,
    orgUnitId: parent?.orgUnitId ?? null,
    year: parent?.year ?? statusYear,
  };
}

/** 新增目标 / 编辑目标: code, title, level, parent goal, unit, year and description. */
export function GoalFormModal(props: {
  readonly target: GoalTarget;
  readonly goals: readonly Goal[];
  readonly units: readonly OrgUnit[];
  readonly onClose: (saved?: Goal) => void;
}) {
  const { t } = useTranslation();
  const statusYear = Number(useStatusDate().slice(0, 4));
  const goal = "goal" in props.target ? props.target.goal : null;
  const parent = "parent" in props.target ? props.target.parent : null;
  const rf = useRecordForm<Goal>({
    resource: "goals",
    record: goal,
    label: (g) => `${g.code} ${g.title}`,
    onClose: props.onClose,
  });
  const title = goal
    ? t("org.goal.editTitle", { name: `${goal.code} ${goal.title}` })
    : parent
      ? t("org.goal.addChildTitle", { parent: `${parent.code} ${parent.title}` })
      : t("org.goal.addTitle");
  return (
    <FormModal
      form={rf.form}
      open
      title={title}
      onCancel={() => props.onClose()}
      onFinish={rf.submit}
      pending={rf.pending}
      width={680}
      initialValues={goal ?? newGoal(parent, props.goals, statusYear)}
      error={rf.error}
      failure={rf.failure}
    >
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="code" label={t("org.goal.code")} rules={[zodRule(f.code)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="title" label={t("org.goal.title")} rules={[zodRule(f.title)]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item
            name="level"
            label={t("org.goal.level")}
            htmlFor="org-goal-level"
            rules={[zodRule(f.level)]}
          >
            <Select
              id="org-goal-level"
              options={goalLevels.map((l) => ({ value: l, label: t(`levels.${l}`) }))}
            />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item
            name="parentId"
            label={t("org.goal.parent")}
            htmlFor="org-goal-parent"
            extra={t("org.goal.parentHint")}
          >
            <PickSelect
              id="org-goal-parent"
              options={goalOptions(props.goals, goal ? subtreeIds(props.goals, goal.id) : new Set())}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={16}>
          <Form.Item name="orgUnitId" label={t("org.goal.unit")} htmlFor="org-goal-unit">
            <PickSelect id="org-goal-unit" options={unitOptions(props.units)} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="year"
            label={t("org.goal.year")}
            extra={goal || parent ? undefined : t("org.goal.yearHint")}
            rules={[zodRule(f.year, orNull)]}
          >
            <InputNumber min={2000} max={2100} precision={0} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="description"
        label={t("org.goal.description")}
        rules={[zodRule(f.description, orNull)]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}
