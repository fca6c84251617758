import { Tag } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Goal } from "../../../../src/shared/api/goals";
import { QueryState } from "../../components/QueryState";
import { GoalFormModal } from "./GoalFormModal";
import { compareGoals, goalLabel } from "./org-options";
import { buildTree, flattenTree } from "./org-tree";
import { TreeTab } from "./TreeTab";
import { useGoals, useOrgAccess, useUnits } from "./use-org-admin";

/** 目标: the goal cascade (strategy → programme → annual); admins and the supervision office edit it. */
export function GoalsTab() {
  const goals = useGoals();
  return <QueryState query={goals}>{(page) => <GoalsTree goals={page.items} />}</QueryState>;
}

function GoalsTree({ goals }: { goals: readonly Goal[] }) {
  const { t } = useTranslation();
  const may = useOrgAccess().goals;
  const units = useUnits().data?.items ?? [];
  const tree = useMemo(() => buildTree(goals, compareGoals), [goals]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const columns = [
    { title: t("org.goal.code"), dataIndex: "code", key: "code", width: 150 },
    { title: t("org.goal.title"), dataIndex: "title", key: "title" },
    {
      title: t("org.goal.level"),
      dataIndex: "level",
      key: "level",
      width: 120,
      render: (l: string) => <Tag>{t(`levels.${l}`)}</Tag>,
    },
    { title: t("org.goal.year"), dataIndex: "year", key: "year", width: 70 },
    {
      title: t("org.goal.unit"),
      dataIndex: "orgUnitId",
      key: "unit",
      width: 150,
      render: (id: string | null) => (id ? (unitName.get(id) ?? id) : ""),
    },
  ];
  return (
    <TreeTab<Goal>
      resource="goals"
      words="org.goal"
      testId="org-goals-table"
      tree={tree}
      // The cascade is short: every level open at first.
      expanded={() => flattenTree(tree).map((g) => g.id)}
      may={may}
      label={goalLabel}
      columns={columns}
      form={(target, onClose) => (
        <GoalFormModal target={target} goals={goals} units={units} onClose={onClose} />
      )}
      referrers={(goal) => (path) =>
        path === "goals.parentId" ? goals.filter((g) => g.parentId === goal.id).map(goalLabel) : []
      }
    />
  );
}
