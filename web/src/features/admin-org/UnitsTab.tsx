import { Tag } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { OrgUnit, Person } from "../../api/types";
import { QueryState } from "../../components/QueryState";
import { compareUnits, goalLabel } from "./org-options";
import { buildTree, expandedToDepth } from "./org-tree";
import { TreeTab } from "./TreeTab";
import { UnitFormModal } from "./UnitFormModal";
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
  const personName = new Map(persons.map((p) => [p.id, p.name]));
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
  ];
  return (
    <TreeTab<OrgUnit>
      resource="org-units"
      words="org.unit"
      testId="org-units-table"
      tree={tree}
      // Province, city and district open at first: the departments and streets show.
      expanded={() => expandedToDepth(tree, 3)}
      may={may}
      label={(u) => u.name}
      columns={columns}
      form={(target, onClose) => (
        <UnitFormModal target={target} units={units} persons={persons} onClose={onClose} />
      )}
      referrers={(unit) => referrersOf(unit, units, persons, goals)}
    />
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
