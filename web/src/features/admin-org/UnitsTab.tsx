import { PlusOutlined } from "@ant-design/icons";
import { Button, Space, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { OrgUnit, Person } from "../../api/types";
import { QueryState } from "../../components/QueryState";
import { DeleteRecordModal } from "./DeleteRecordModal";
import { compareUnits, goalLabel } from "./org-options";
import { buildTree, expandedToDepth, type TreeRow } from "./org-tree";
import { RowActions } from "./RowActions";
import { UnitFormModal, type UnitTarget } from "./UnitFormModal";
import { useAllPersons, useGoals, useOrgAccess, useUnits } from "./use-org-admin";

/** 单位: the org-unit tree; an admin adds units (at the top or below one), edits and deletes them. */
export function UnitsTab() {
  const units = useUnits();
  return <QueryState query={units}>{(page) => <UnitsTree units={page.items} />}</QueryState>;
}

function UnitsTree({ units }: { units: readonly OrgUnit[] }) {
  const { t } = useTranslation();
  const may = useOrgAccess().units;
  const persons = useAllPersons().data?.items ?? [];
  const goals = useGoals().data?.items ?? [];
  const tree = useMemo(() => buildTree(units, compareUnits), [units]);
  // Province, city and district open at first: the departments and streets show.
  const [expanded, setExpanded] = useState<readonly string[]>(() => expandedToDepth(tree, 3));
  const [target, setTarget] = useState<UnitTarget | null>(null);
  const [deleting, setDeleting] = useState<OrgUnit | null>(null);
  const personName = new Map(persons.map((p) => [p.id, p.name]));
  const closeForm = (saved?: OrgUnit) => {
    if (saved?.parentId) setExpanded((keys) => [...new Set([...keys, saved.parentId!])]);
    setTarget(null);
  };
  const columns = [
    { title: t("org.unit.name"), dataIndex: "name", key: "name" },
    { title: t("org.unit.code"), dataIndex: "code", key: "code", width: 170 },
    {
      title: t("org.unit.kind"),
      dataIndex: "kind",
      key: "kind",
      width: 120,
      render: (k: string) => <Tag>{t(`org.kinds.${k}`)}</Tag>,
    },
    {
      title: t("org.unit.head"),
      dataIndex: "headPersonId",
      key: "head",
      width: 120,
      render: (id: string | null) => (id ? (personName.get(id) ?? id) : ""),
    },
    { title: t("org.unit.sort"), dataIndex: "sort", key: "sort", width: 70 },
    ...(may
      ? [
          {
            title: t("org.actions"),
            key: "actions",
            width: 290,
            render: (u: TreeRow<OrgUnit>) => (
              <RowActions
                addChildLabel={t("org.unit.addChildOf", { name: u.name })}
                onAddChild={() => setTarget({ parent: u })}
                editLabel={t("org.unit.editOf", { name: u.name })}
                onEdit={() => setTarget({ unit: u })}
                deleteLabel={t("org.unit.deleteOf", { name: u.name })}
                onDelete={() => setDeleting(u)}
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
            {t("org.unit.add")}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t("org.readOnly")}</Typography.Text>
        )}
      </Space>
      <Table<TreeRow<OrgUnit>>
        data-testid="org-units-table"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={tree}
        pagination={false}
        expandable={{
          expandedRowKeys: [...expanded],
          onExpandedRowsChange: (keys) => setExpanded(keys.map(String)),
        }}
        locale={{ emptyText: t("org.unit.empty") }}
      />
      {target ? <UnitFormModal target={target} units={units} persons={persons} onClose={closeForm} /> : null}
      {deleting ? (
        <DeleteRecordModal
          resource="org-units"
          record={deleting}
          title={t("org.unit.deleteTitle")}
          name={deleting.name}
          names={referrersOf(deleting, units, persons, goals)}
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </>
  );
}

/** Names of what refers to `unit` among the records this screen holds: units below, people, goals. */
function referrersOf(
  unit: OrgUnit,
  units: readonly OrgUnit[],
  persons: readonly Person[],
  goals: readonly { orgUnitId: string | null; code: string; title: string }[],
) {
  return (path: string): string[] => {
    if (path === "org-units.parentId") return units.filter((u) => u.parentId === unit.id).map((u) => u.name);
    if (path === "persons.orgUnitId")
      return persons.filter((p) => p.orgUnitId === unit.id).map((p) => p.name);
    if (path === "goals.orgUnitId") return goals.filter((g) => g.orgUnitId === unit.id).map(goalLabel);
    return [];
  };
}
