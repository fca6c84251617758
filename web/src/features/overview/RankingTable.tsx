import { Table } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { EntityScore, OverviewTaskForce } from "../../api/types";
import { LightTag } from "../../components/LightTag";
import { roundTenth } from "../assessment/compare";

type Row = EntityScore & { taskForce?: OverviewTaskForce };

const NOWRAP = { style: { whiteSpace: "nowrap" } } as const;
const nowrap = () => NOWRAP;

/**
 * The assessment ranking of task forces (考核排名): rank, light, score and its components. `large`
 * is the big screen: wider columns, and rows `rowHeight` tall (CSS px) so the table fills its slide.
 */
export function RankingTable({
  rows,
  large,
  rowHeight,
}: {
  rows: Row[];
  large?: boolean;
  rowHeight?: number;
}) {
  const { t } = useTranslation();
  // Headers never wrap (名/次): every column keeps its title on one line.
  const w = (small: number, big: number) => (large ? big : small);
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
      onRow={rowHeight ? () => ({ style: { height: rowHeight } }) : undefined}
      columns={[
        {
          title: t("overview.rank"),
          dataIndex: "rank",
          width: w(64, 96),
          onHeaderCell: nowrap,
          render: (r: number | null) => r ?? "—",
        },
        {
          title: t("overview.taskForce"),
          onHeaderCell: nowrap,
          onCell: nowrap,
          render: (_, r) => (large ? r.name : <Link to={`/task-forces/${r.id}`}>{r.name}</Link>),
        },
        {
          title: t("overview.light"),
          width: w(110, 140),
          onHeaderCell: nowrap,
          render: (_, r) =>
            r.taskForce ? <LightTag color={r.taskForce.light} reasons={r.taskForce.reasons} /> : null,
        },
        {
          title: t("overview.score"),
          dataIndex: "score",
          width: w(80, 110),
          onHeaderCell: nowrap,
          render: (s: number | null) => (s === null ? "—" : roundTenth(s)),
        },
        ...(large
          ? []
          : [
              {
                title: t("overview.breakdown"),
                onHeaderCell: nowrap,
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
        { title: t("overview.redLights"), dataIndex: "redLights", width: w(80, 120), onHeaderCell: nowrap },
      ]}
    />
  );
}
