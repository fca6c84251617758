import { PlusOutlined } from "@ant-design/icons";
import { Button, Space, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Goal } from "../../../../src/shared/api/goals";
import { QueryState } from "../../components/QueryState";
import { DeleteRecordModal } from "./DeleteRecordModal";
import { GoalFormModal, type GoalTarget } from "./GoalFormModal";
import { compareGoals, goalLabel } from "./org-options";
import { buildTree, flattenTree, type TreeRow } from "./org-tree";
import { RowActions } from "./RowActions";
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
  // The cascade is short: every level open at first.
  const [expanded, setExpanded] = useState<readonly string[]>(() => flattenTree(tree).map((g) => g.id));
  const [target, setTarget] = useState<GoalTarget | null>(null);
  const [deleting, setDeleting] = useState<Goal | null>(null);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const closeForm = (saved?: Goal) => {
    if (saved?.parentId) setExpanded((keys) => [...new Set([...keys, saved.parentId!])]);
    setTarget(null);
  };
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
    ...(may
      ? [
          {
            title: t("org.actions"),
            key: "actions",
            width: 290,
            render: (g: TreeRow<Goal>) => (
              <RowActions
                addChildLabel={t("org.goal.addChildOf", { name: goalLabel(g) })}
                onAddChild={() => setTarget({ parent: g })}
                editLabel={t("org.goal.editOf", { name: goalLabel(g) })}
                onEdit={() => setTarget({ goal: g })}
                deleteLabel={t("org.goal.deleteOf", { name: goalLabel(g) })}
                onDelete={() => setDeleting(g)}
              />
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        {may ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ parent: null })}>
            {t("org.goal.add")}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t("org.readOnly")}</Typography.Text>
        )}
      </Space>
      <Table<TreeRow<Goal>>
        data-testid="org-goals-table"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={tree}
        pagination={false}
        expandable={{
          expandedRowKeys: [...expanded],
          onExpandedRowsChange: (keys) => setExpanded(keys.map(String)),
        }}
        locale={{ emptyText: t("org.goal.empty") }}
      />
      {target ? <GoalFormModal target={target} goals={goals} units={units} onClose={closeForm} /> : null}
      {deleting ? (
        <DeleteRecordModal
          resource="goals"
          record={deleting}
          title={t("org.goal.deleteTitle")}
          name={goalLabel(deleting)}
          names={(path) =>
            path === "goals.parentId" ? goals.filter((g) => g.parentId === deleting.id).map(goalLabel) : []
          }
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </>
  );
}
