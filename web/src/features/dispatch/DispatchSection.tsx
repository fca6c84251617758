import { Card, Space, Table, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { DispatchReport } from "../../api/types";
import { LightTag, ReasonList } from "../../components/LightTag";
import { DispatchSummary } from "./DispatchSummary";
import { isQuiet, litRows, supervisionRows } from "./dispatch-view";

type Section = DispatchReport["taskForces"][number];
type Names = DispatchReport["names"];
type TaskRow = Section["noReport"][number];

/** A titled table, left out when it has no rows. */
function List<T extends object>(props: {
  title: string;
  rows: readonly T[];
  testId: string;
  children: ReactNode;
}) {
  if (props.rows.length === 0) return null;
  return (
    <div data-testid={props.testId}>
      <div className="dispatch-list-title">
        {props.title}（{props.rows.length}）
      </div>
      {props.children}
    </div>
  );
}

/** One task force's part of the dispatch report: counts, then its non-empty lists. */
export function DispatchSection({ s, names }: { s: Section; names: Names }) {
  const { t } = useTranslation();
  const taskLink = (r: TaskRow) => (
    <Link
      to={`/task-forces/${encodeURIComponent(r.taskForceId)}?tab=tasks&task=${encodeURIComponent(r.taskId)}`}
    >
      {r.code}
    </Link>
  );
  const who = (r: TaskRow) =>
    [
      r.responsibleUnitId && names.units[r.responsibleUnitId],
      r.responsiblePersonId && names.persons[r.responsiblePersonId],
    ]
      .filter(Boolean)
      .join(" · ");
  const base = [
    { title: t("task.wbs"), width: 80, render: (_: unknown, r: TaskRow) => taskLink(r) },
    { title: t("dispatch.col.task"), dataIndex: "title" },
    { title: t("dispatch.col.responsible"), width: 200, render: (_: unknown, r: TaskRow) => who(r) },
  ];
  const percent = {
    title: t("dispatch.col.percent"),
    width: 70,
    render: (_: unknown, r: TaskRow) => `${r.percent}%`,
  };
  const table = <T extends object>(rows: readonly T[], columns: object[]) => (
    <Table<T>
      size="small"
      rowKey={(r) => (r as { taskId?: string; id?: string }).taskId ?? (r as { id: string }).id}
      dataSource={rows as T[]}
      columns={columns}
      pagination={false}
    />
  );
  const sup = supervisionRows(s);
  return (
    <Card
      className="dispatch-section"
      size="small"
      data-testid={`dispatch-tf-${s.code}`}
      title={
        <Space>
          <span>
            {s.code} {s.name}
          </span>
          {s.color ? <LightTag color={s.color} /> : null}
        </Space>
      }
    >
      <DispatchSummary summary={s.summary} testId={`dispatch-tf-${s.code}`} />
      {isQuiet(s) ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t("dispatch.quiet")}
        </Typography.Paragraph>
      ) : null}
      <List title={t("dispatch.overdue")} rows={s.overdue} testId={`dispatch-overdue-${s.code}`}>
        {table(s.overdue, [
          ...base,
          { title: t("dispatch.col.deadline"), dataIndex: "deadline", width: 100 },
          { title: t("dispatch.col.daysOverdue"), dataIndex: "daysOverdue", width: 90 },
          percent,
        ])}
      </List>
      <List title={t("dispatch.due")} rows={s.due} testId={`dispatch-due-${s.code}`}>
        {table(s.due, [
          ...base,
          { title: t("dispatch.col.deadline"), dataIndex: "deadline", width: 100 },
          { title: t("dispatch.col.daysLeft"), dataIndex: "daysLeft", width: 90 },
          percent,
        ])}
      </List>
      <List title={t("dispatch.noReport")} rows={s.noReport} testId={`dispatch-noreport-${s.code}`}>
        {table(s.noReport, [
          ...base,
          {
            title: t("dispatch.col.lastReport"),
            width: 100,
            render: (_: unknown, r: TaskRow) => r.lastReportDate ?? "—",
          },
          percent,
        ])}
      </List>
      <List title={t("dispatch.lit")} rows={litRows(s)} testId={`dispatch-lit-${s.code}`}>
        {table(litRows(s), [
          { title: t("task.wbs"), width: 80, render: (_: unknown, r: TaskRow) => taskLink(r) },
          { title: t("dispatch.col.task"), dataIndex: "title", width: 220 },
          {
            title: t("dispatch.col.light"),
            width: 90,
            render: (_: unknown, r: TaskRow) => <LightTag color={r.color} />,
          },
          {
            title: t("dispatch.col.reasons"),
            render: (_: unknown, r: (typeof s.red)[number]) => <ReasonList reasons={r.reasons} />,
          },
        ])}
      </List>
      <List title={t("dispatch.completed")} rows={s.completed} testId={`dispatch-completed-${s.code}`}>
        {table(s.completed, [
          ...base,
          { title: t("dispatch.col.finished"), dataIndex: "actualFinish", width: 100 },
        ])}
      </List>
      <List title={t("dispatch.supervision")} rows={sup} testId={`dispatch-supervision-${s.code}`}>
        {table(sup, [
          { title: t("dispatch.col.item"), dataIndex: "code", width: 120 },
          {
            title: t("task.wbs"),
            width: 80,
            render: (_: unknown, r: (typeof sup)[number]) => r.taskCode ?? "—",
          },
          { title: t("dispatch.col.issue"), dataIndex: "issue" },
          { title: t("dispatch.col.dueDate"), dataIndex: "dueDate", width: 100 },
          {
            title: t("dispatch.col.state"),
            width: 80,
            render: (_: unknown, r: (typeof sup)[number]) => t(`states.${r.state}`),
          },
          {
            title: t("dispatch.col.events"),
            width: 160,
            render: (_: unknown, r: (typeof sup)[number]) =>
              r.events.map((e) => (
                <Tag key={e} color={e === "overdue" ? "red" : undefined}>
                  {t(`dispatch.events.${e}`)}
                  {e === "overdue" ? ` ${r.daysOverdue}` : ""}
                </Tag>
              )),
          },
        ])}
      </List>
      <List title={t("dispatch.indicators")} rows={s.indicators} testId={`dispatch-indicators-${s.code}`}>
        {table(s.indicators, [
          { title: t("dispatch.col.indicator"), dataIndex: "name" },
          {
            title: t("dispatch.col.reading"),
            width: 160,
            render: (_: unknown, i: (typeof s.indicators)[number]) =>
              i.reading ? `${i.reading.actual} ${i.unit}（${i.reading.period}）` : "—",
          },
          {
            title: t("dispatch.col.target"),
            width: 100,
            render: (_: unknown, i: (typeof s.indicators)[number]) => `${i.target} ${i.unit}`,
          },
          {
            title: t("dispatch.col.trend"),
            width: 80,
            render: (_: unknown, i: (typeof s.indicators)[number]) => t(`trend.${i.trend}`),
          },
          {
            title: t("dispatch.col.light"),
            width: 90,
            render: (_: unknown, i: (typeof s.indicators)[number]) => <LightTag color={i.color} />,
          },
          {
            title: t("dispatch.col.reportedInRound"),
            width: 90,
            render: (_: unknown, i: (typeof s.indicators)[number]) =>
              i.reportedInRound ? t("dispatch.col.yes") : t("dispatch.col.no"),
          },
        ])}
      </List>
    </Card>
  );
}
