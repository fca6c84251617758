import { Table } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { EntityScore, OverviewTaskForce } from "../../api/types";
import { LightTag } from "../../components/LightTag";
import { roundTenth } from "../assessment/compare";

type Row = EntityScore & { taskForce?: OverviewTaskForce };

/** The assessment ranking of task forces (考核排名): rank, light, score and its components. */
export function RankingTable({ rows, large }: { rows: Row[]; large?: boolean }) {
  const { t } = useTranslation();
  // Weights are shared out when a component has nothing to count yet: 66.666… shows as 66.7.
  const pts = (c: EntityScore["components"]["milestones"]) =>
    `${roundTenth(c.points)}/${roundTenth(c.weight)}`;
  return (
    <Table<Row>
      rowKey="id"
      size={large ? "large" : "small"}
      pagination={false}
      dataSource={rows}
      scroll={{ x: "max-content" }}
      aria-label={t("overview.ranking")}
      columns={[
        { title: t("overview.rank"), dataIndex: "rank", width: 64, render: (r: number | null) => r ?? "—" },
        {
          title: t("overview.taskForce"),
          onCell: () => ({ style: { whiteSpace: "nowrap" } }),
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
          render: (s: number | null) => (s === null ? "—" : roundTenth(s)),
        },
        ...(large
          ? []
          : [
              {
                title: t("overview.breakdown"),
                render: (_: unknown, r: Row) => (
                  <span style={{ fontSize: 12, whiteSpace: "nowrap" }}>
                    {t("overview.milestones")} {pts(r.components.milestones)}
                    <br />
                    {t("overview.indicatorPts")} {pts(r.components.indicators)}
                    <br />
                    {t("overview.supervisionPts")} {pts(r.components.supervision)}
                  </span>
                ),
              },
            ]),
        { title: t("overview.redLights"), dataIndex: "redLights", width: 80 },
      ]}
    />
  );
}
