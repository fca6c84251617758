import { Table } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LightTag } from "../../components/LightTag";
import type { EntityScore, OverviewTaskForce } from "../../api/types";

type Row = EntityScore & { taskForce?: OverviewTaskForce };

/** The assessment ranking of task forces (考核排名): rank, light, score and its components. */
export function RankingTable({ rows, large }: { rows: Row[]; large?: boolean }) {
  const { t } = useTranslation();
  const pts = (c: EntityScore["components"]["milestones"]) => `${Math.round(c.points * 10) / 10}/${c.weight}`;
  return (
    <Table<Row>
      rowKey="id"
      size={large ? "large" : "small"}
      pagination={false}
      dataSource={rows}
      aria-label={t("overview.ranking")}
      scroll={large ? undefined : { x: 760 }}
      columns={[
        { title: t("overview.rank"), dataIndex: "rank", width: 64, render: (r: number | null) => r ?? "—" },
        {
          title: t("overview.taskForce"),
          width: large ? undefined : 220,
          render: (_, r) => (large ? r.name : <Link to={`/task-forces/${r.id}`}>{r.name}</Link>),
        },
        {
          title: t("overview.light"),
          width: 110,
          render: (_, r) =>
            r.taskForce ? <LightTag color={r.taskForce.light} reasons={r.taskForce.reasons} /> : null,
        },
        {
          title: t("overview.score"),
          dataIndex: "score",
          width: 80,
          render: (s: number | null) => (s === null ? "—" : Math.round(s * 10) / 10),
        },
        ...(large
          ? []
          : [
              {
                title: t("overview.milestones"),
                render: (_: unknown, r: Row) => pts(r.components.milestones),
              },
              {
                title: t("overview.indicatorPts"),
                render: (_: unknown, r: Row) => pts(r.components.indicators),
              },
              {
                title: t("overview.supervisionPts"),
                render: (_: unknown, r: Row) => pts(r.components.supervision),
              },
            ]),
        { title: t("overview.redLights"), dataIndex: "redLights", width: 80 },
      ]}
    />
  );
}
