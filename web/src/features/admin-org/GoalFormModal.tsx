import { Col, Form, Input, InputNumber, Row } from "antd";
import { useTranslation } from "react-i18next";
import { type Goal, goalLevels, goalSchemas } from "../../../../src/shared/api/goals";
import type { OrgUnit } from "../../api/types";
import { FormModal } from "../../components/FormModal";
import { useStatusDate } from "../../hooks/use-status-date";
import { orNull, zodRule } from "../../hooks/validate";
import { goalLabel, goalOptions, unitOptions } from "./org-options";
import { childLevel, nextChildCode, subtreeIds, type TreeTarget } from "./org-tree";
import { PickSelect } from "./PickSelect";
import { TreeFormHead } from "./TreeFormHead";
import { useTreeForm } from "./use-record-form";

const f = goalSchemas.create.shape;

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
  readonly target: TreeTarget<Goal>;
  readonly goals: readonly Goal[];
  readonly units: readonly OrgUnit[];
  readonly onClose: (saved?: Goal) => void;
}) {
  const { t } = useTranslation();
  const statusYear = Number(useStatusDate().slice(0, 4));
  const {
    record: goal,
    parent,
    modal,
  } = useTreeForm<Goal>({
    resource: "goals",
    target: props.target,
    words: "org.goal",
    label: goalLabel,
    onClose: props.onClose,
  });
  return (
    <FormModal {...modal} width={680} initialValues={goal ?? newGoal(parent, props.goals, statusYear)}>
      <TreeFormHead
        words="org.goal"
        schemas={{ code: f.code, name: f.title, kind: f.level }}
        nameField="title"
        kindField="level"
        kindOptions={goalLevels.map((l) => ({ value: l, label: t(`levels.${l}`) }))}
        parentOptions={goalOptions(props.goals, goal ? subtreeIds(props.goals, goal.id) : new Set())}
        span={8}
      />
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
