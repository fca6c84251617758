/** Hook: the column sets of the dispatch report's tables, in the UI language. */

import { type TableColumnsType, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { DispatchReport } from "../../api/types";
import { LightTag, ReasonList } from "../../components/LightTag";
import { trendLabel } from "../overview/trend-tone";
import type { supervisionRows } from "./dispatch-view";

type Section = DispatchReport["taskForces"][number];
type TaskRow = Section["noReport"][number];
type OverdueRow = Section["overdue"][number];
type DueRow = Section["due"][number];
type LitRow = Section["red"][number];
type SupervisionRow = ReturnType<typeof supervisionRows>[number];
type IndicatorRow = Section["indicators"][number];

/** Columns of every list of a section; `names` turns unit and person ids into names. */
export function useDispatchColumns(names: DispatchReport["names"]) {
  const { t } = useTranslation();
  const wbs = {
    title: t("task.wbs"),
    width: 80,
    render: (_: unknown, r: TaskRow) => (
      <Link
        to={`/task-forces/${encodeURIComponent(r.taskForceId)}?tab=tasks&task=${encodeURIComponent(r.taskId)}`}
      >
        {r.code}
      </Link>
    ),
  };
  const who = (r: TaskRow) =>
    [
      r.responsibleUnitId && names.units[r.responsibleUnitId],
      r.responsiblePersonId && names.persons[r.responsiblePersonId],
    ]
      .filter(Boolean)
      .join(" · ");
  const task = [
    wbs,
    { title: t("dispatch.col.task"), dataIndex: "title" },
    { title: t("dispatch.col.responsible"), width: 200, render: (_: unknown, r: TaskRow) => who(r) },
  ];
  const deadline = { title: t("dispatch.col.deadline"), dataIndex: "deadline", width: 100 };
  const percent = {
    title: t("dispatch.col.percent"),
    width: 70,
    render: (_: unknown, r: TaskRow) => `${r.percent}%`,
  };
  const light = (_: unknown, r: { color: TaskRow["color"] }) => <LightTag color={r.color} />;
  return {
    overdue: [
      ...task,
      deadline,
      { title: t("dispatch.col.daysOverdue"), dataIndex: "daysOverdue", width: 90 },
      percent,
    ] as TableColumnsType<OverdueRow>,
    due: [
      ...task,
      deadline,
      { title: t("dispatch.col.daysLeft"), dataIndex: "daysLeft", width: 90 },
      percent,
    ] as TableColumnsType<DueRow>,
    noReport: [
      ...task,
      {
        title: t("dispatch.col.lastReport"),
        width: 100,
        render: (_: unknown, r: TaskRow) => r.lastReportDate ?? "—",
      },
      percent,
    ] as TableColumnsType<TaskRow>,
    completed: [
      ...task,
      { title: t("dispatch.col.finished"), dataIndex: "actualFinish", width: 100 },
    ] as TableColumnsType<TaskRow>,
    lit: [
      wbs,
      { title: t("dispatch.col.task"), dataIndex: "title", width: 220 },
      { title: t("dispatch.col.light"), width: 90, render: light },
      {
        title: t("dispatch.col.reasons"),
        render: (_: unknown, r: LitRow) => <ReasonList reasons={r.reasons} />,
      },
    ] as TableColumnsType<LitRow>,
    supervision: [
      { title: t("dispatch.col.item"), dataIndex: "code", width: 120 },
      { title: t("task.wbs"), width: 80, render: (_: unknown, r: SupervisionRow) => r.taskCode ?? "—" },
      { title: t("dispatch.col.issue"), dataIndex: "issue" },
      { title: t("dispatch.col.dueDate"), dataIndex: "dueDate", width: 100 },
      {
        title: t("dispatch.col.state"),
        width: 80,
        render: (_: unknown, r: SupervisionRow) => t(`states.${r.state}`),
      },
      {
        title: t("dispatch.col.events"),
        width: 160,
        render: (_: unknown, r: SupervisionRow) =>
          r.events.map((e) => (
            <Tag key={e} color={e === "overdue" ? "red" : undefined}>
              {t(`dispatch.events.${e}`)}
              {e === "overdue" ? ` ${r.daysOverdue}` : ""}
            </Tag>
          )),
      },
    ] as TableColumnsType<SupervisionRow>,
    indicators: [
      { title: t("dispatch.col.indicator"), dataIndex: "name" },
      {
        title: t("dispatch.col.reading"),
        width: 160,
        render: (_: unknown, i: IndicatorRow) =>
          i.reading ? `${i.reading.actual} ${i.unit}（${i.reading.period}）` : "—",
      },
      {
        title: t("dispatch.col.target"),
        width: 100,
        render: (_: unknown, i: IndicatorRow) => `${i.target} ${i.unit}`,
      },
      {
        title: t("dispatch.col.trend"),
        width: 80,
        render: (_: unknown, i: IndicatorRow) => trendLabel(t, i.trend, i.kind),
      },
      { title: t("dispatch.col.light"), width: 90, render: light },
      {
        title: t("dispatch.col.reportedInRound"),
        width: 90,
        render: (_: unknown, i: IndicatorRow) =>
          i.reportedInRound ? t("dispatch.col.yes") : t("dispatch.col.no"),
      },
    ] as TableColumnsType<IndicatorRow>,
  };
}
