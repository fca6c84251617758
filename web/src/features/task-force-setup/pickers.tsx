/**
 * The pickers of the setup wizard and the task-book editor: a person, org units, goals from the goal
 * tree. Each takes its own `id` (the label's `htmlFor`, and what browser tests look it up by) and
 * the `value`/`onChange` a Form.Item hands it.
 */
import { Select, TreeSelect } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useNames } from "../../hooks/use-data";
import { useOrgUnits } from "../task-force/use-plan-edits";
import { personPickLabel } from "./setup-form";
import { goalTree } from "./task-book-form";
import { useGoals } from "./use-task-force-setup";

interface PickerProps<V> {
  readonly id: string;
  readonly value?: V;
  readonly onChange?: (value: V) => void;
}

/** One person, searched by name, post or unit. */
export function PersonSelect(props: PickerProps<string | undefined>) {
  const names = useNames();
  const units = useOrgUnits();
  const options = useMemo(() => {
    const unitName = new Map((units.data?.items ?? []).map((u) => [u.id, u.name]));
    return names.persons.map((p) => ({
      value: p.id,
      label: personPickLabel(p, unitName.get(p.orgUnitId ?? "") ?? ""),
    }));
  }, [names.persons, units.data]);
  // A dropdown wider than the field, so "name · post · unit" shows whole (a number keeps the list virtual).
  return (
    <Select
      {...props}
      allowClear
      showSearch={{ optionFilterProp: "label" }}
      options={options}
      popupMatchSelectWidth={360}
    />
  );
}

/** One org unit, or several with `multiple`. */
export function UnitSelect(props: PickerProps<string | string[] | undefined> & { multiple?: boolean }) {
  const { multiple, ...rest } = props;
  const units = useOrgUnits();
  const options = useMemo(
    () => (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })),
    [units.data],
  );
  return (
    <Select
      {...rest}
      mode={multiple ? "multiple" : undefined}
      allowClear
      showSearch={{ optionFilterProp: "label" }}
      options={options}
    />
  );
}

/** Goals served, picked from the goal tree (strategy → programme → annual goal). */
export function GoalTreeSelect(props: PickerProps<string[] | undefined>) {
  const { t } = useTranslation();
  const goals = useGoals();
  const tree = useMemo(() => goalTree(goals.data?.items ?? []), [goals.data]);
  return (
    <TreeSelect
      {...props}
      multiple
      allowClear
      showSearch={{ treeNodeFilterProp: "title" }}
      treeDefaultExpandAll
      treeData={tree}
      placeholder={t("tfs.goalsHint")}
      loading={goals.isPending}
      style={{ width: "100%" }}
    />
  );
}
