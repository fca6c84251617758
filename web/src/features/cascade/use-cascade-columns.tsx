import { Button, Space, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Task } from "../../api/types";
import { LightTag } from "../../components/LightTag";
import { useCan } from "../../hooks/use-can";
import { trendColor, trendLabel } from "../overview/trend-tone";
import { ActualCell } from "./ActualCell";
import { type CascadeRow, findingText, percent, withUnit } from "./cascade-rows";

const LEVEL_COLORS = { district: "red", taskForce: "blue", unit: "cyan", person: "default" } as const;

/** The tasks behind a node, each a link to its row in its task force's WBS. */
function TaskLinks({ ids, tasks }: { ids: readonly string[]; tasks: ReadonlyMap<string, Task> | undefined }) {
  if (!ids.length) return <>—</>;
  return (
    <Space orientation="vertical" size={0}>
      {ids.map((id) => {
        const task = tasks?.get(id);
        if (!task) return null;
        return (
          <Link
            key={id}
            to={`/task-forces/${encodeURIComponent(task.taskForceId)}?tab=tasks&task=${encodeURIComponent(id)}`}
            title={`${task.code} ${task.title}`}
          >
            {task.code} {task.title.length > 10 ? `${task.title.slice(0, 10)}…` : task.title}
          </Link>
        );
      })}
    </Space>
  );
}

/**
 * The columns of the cascade's tree table: indicator, level, task force and unit, owner, target,
 * plan to date, actual, light, trend, work against time progress, tasks, findings, and the
 * splitting tools where the caller may use them.
 */
export function useCascadeColumns(props: {
  tasks: ReadonlyMap<string, Task> | undefined;
  onSplit: (row: CascadeRow) => void;
  onMonths: (row: CascadeRow) => void;
  onAddShare: (row: CascadeRow) => void;
  /** The table's rows: the tools' column shows only when some row offers the caller a tool. */
  rows: readonly CascadeRow[];
}): ColumnsType<CascadeRow> {
  const { t } = useTranslation();
  const can = useCan();
  const tools = (r: CascadeRow) => ({
    split: !!r.children?.length && can.splitTarget(r.node),
    months: r.node.kind === "cumulative" && can.splitMonths(r.node),
    share: can.addShare(r.node),
  });
  const some = (rows: readonly CascadeRow[]): boolean =>
    rows.some((r) => tools(r).split || tools(r).months || tools(r).share || some(r.children ?? []));
  const columns: ColumnsType<CascadeRow> = [
    {
      title: t("cas.col.indicator"),
      key: "indicator",
      fixed: "left",
      width: 320,
      className: "cascade-name",
      render: (_, r) => (
        <span className="cascade-name-text">
          <Typography.Text type="secondary">{r.node.code}</Typography.Text> {r.node.name}
        </span>
      ),
    },
    {
      title: t("cas.col.level"),
      key: "level",
      width: 90,
      render: (_, r) => (
        <Tag color={LEVEL_COLORS[r.level]} data-level={r.level}>
          {t(`cas.levels.${r.level}`)}
        </Tag>
      ),
    },
    {
      title: t("cas.col.where"),
      key: "where",
      width: 170,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          {r.node.taskForceName ? <span>{r.node.taskForceName}</span> : null}
          {r.node.orgUnitName ? <span>{r.node.orgUnitName}</span> : null}
          <Typography.Text type="secondary">
            {t("cas.col.owner")}：{r.node.ownerName ?? "—"}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t("cas.col.target"),
      key: "target",
      width: 130,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span data-target={r.node.indicatorId}>{withUnit(r.node.target, r.node.unit)}</span>
          {r.node.plan === null ? null : (
            <Typography.Text type="secondary" data-plan={r.node.indicatorId}>
              {t("cas.planToDate", { value: withUnit(r.node.plan, r.node.unit) })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t("cas.col.actual"), key: "actual", width: 210, render: (_, r) => <ActualCell row={r} /> },
    {
      title: t("cas.col.light"),
      key: "light",
      width: 90,
      render: (_, r) => <LightTag color={r.node.light} />,
    },
    {
      title: t("cas.col.findings"),
      key: "findings",
      width: 240,
      render: (_, r) =>
        r.node.findings.length ? (
          <Space orientation="vertical" size={4}>
            {r.node.findings.map((f) => (
              <Tag
                key={`${f.code}-${f.period ?? ""}`}
                color="red"
                data-finding={f.code}
                style={{ whiteSpace: "normal", marginInlineEnd: 0 }}
              >
                {findingText(f, r.node, t)}
              </Tag>
            ))}
          </Space>
        ) : (
          "—"
        ),
    },
    {
      title: t("cas.col.trend"),
      key: "trend",
      width: 110,
      render: (_, r) => (
        <Tag color={trendColor(r.node.trend, r.node)} data-trend={r.node.trend}>
          {trendLabel(t, r.node.trend, r.node.kind)}
        </Tag>
      ),
    },
    {
      title: t("cas.col.progress"),
      key: "progress",
      width: 110,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span>{t("cas.work", { value: percent(r.node.workProgress) })}</span>
          <span>{t("cas.time", { value: percent(r.node.timeProgress) })}</span>
        </Space>
      ),
    },
    {
      title: t("cas.col.tasks"),
      key: "tasks",
      width: 180,
      render: (_, r) => <TaskLinks ids={r.node.taskIds} tasks={props.tasks} />,
    },
    {
      title: t("cas.col.actions"),
      key: "actions",
      fixed: "right",
      width: 130,
      render: (_, r) => (
        <Space orientation="vertical" size={4}>
          {tools(r).split ? (
            <Button
              size="small"
              data-split={r.node.indicatorId}
              aria-label={t("cas.split.openFor", { code: r.node.code })}
              onClick={() => props.onSplit(r)}
            >
              {t("cas.split.open")}
            </Button>
          ) : null}
          {tools(r).months ? (
            <Button
              size="small"
              data-months={r.node.indicatorId}
              aria-label={t("cas.months.openFor", { code: r.node.code })}
              onClick={() => props.onMonths(r)}
            >
              {t("cas.months.open")}
            </Button>
          ) : null}
          {tools(r).share ? (
            <Button
              size="small"
              data-add-share={r.node.indicatorId}
              aria-label={t("cas.share.openFor", { code: r.node.code })}
              onClick={() => props.onAddShare(r)}
            >
              {t("cas.share.open")}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];
  // The tools' column only for those who have some tool on some row.
  return some(props.rows) ? columns : columns.filter((c) => c.key !== "actions");
}
