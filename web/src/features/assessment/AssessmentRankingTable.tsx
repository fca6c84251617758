import { Table } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AssessmentSnapshot, EntityScore } from "../../api/types";
import { type ComparedRow, roundTenth } from "./compare";
import { RankChange, ScoreDelta } from "./RankChange";

type Row = ComparedRow & { entity?: EntityScore };

/**
 * A ranking of a snapshot (task forces, units or persons): rank, name, score with its three parts,
 * red lights (the tie rule: fewer ranks first), and — when comparing — rank change and score delta.
 */
export function AssessmentRankingTable(props: {
  rows: readonly ComparedRow[];
  entities: AssessmentSnapshot["taskForces"];
  weights: AssessmentSnapshot["weights"];
  comparing: boolean;
  linkTaskForces?: boolean;
  label: string;
}) {
  const { t } = useTranslation();
  const byId = new Map(props.entities.map((e) => [e.id, e]));
  const data: Row[] = props.rows.map((r) => ({ ...r, entity: byId.get(r.id) }));
  const pts = (r: Row, k: keyof EntityScore["components"]) => {
    const c = r.entity?.components[k];
    return c ? `${roundTenth(c.points)}/${roundTenth(c.weight)}` : "—";
  };
  return (
    <Table<Row>
      rowKey="id"
      size="small"
      aria-label={props.label}
      pagination={data.length > 20 ? { pageSize: 20 } : false}
      dataSource={data}
      scroll={{ x: 1000 }}
      columns={[
        { title: t("overview.rank"), dataIndex: "rank", width: 64, render: (r: number | null) => r ?? "—" },
        ...(props.comparing
          ? [
              {
                title: t("assess.rankChange"),
                width: 190,
                render: (_: unknown, r: Row) => (
                  <span style={{ whiteSpace: "nowrap" }}>
                    <RankChange row={r} />
                    {r.previousRank !== null ? (
                      <span style={{ fontSize: 12, color: "#666666" }}>
                        {t("assess.was", { n: r.previousRank })}
                      </span>
                    ) : null}
                  </span>
                ),
              },
            ]
          : []),
        {
          title: t("assess.name"),
          onCell: () => ({ style: { whiteSpace: "nowrap" } }),
          render: (_, r) =>
            props.linkTaskForces ? <Link to={`/task-forces/${r.id}`}>{r.name}</Link> : r.name,
        },
        {
          title: t("overview.score"),
          dataIndex: "score",
          width: 80,
          render: (s: number | null) => (s === null ? "—" : roundTenth(s)),
        },
        ...(props.comparing
          ? [
              {
                title: t("assess.delta"),
                width: 90,
                render: (_: unknown, r: Row) => <ScoreDelta delta={r.scoreDelta} />,
              },
            ]
          : []),
        {
          title: `${t("overview.milestones")} (${props.weights.milestones})`,
          width: 110,
          render: (_, r) => pts(r, "milestones"),
        },
        {
          title: `${t("overview.indicatorPts")} (${props.weights.indicators})`,
          width: 110,
          render: (_, r) => pts(r, "indicators"),
        },
        {
          title: `${t("overview.supervisionPts")} (${props.weights.supervision})`,
          width: 110,
          render: (_, r) => pts(r, "supervision"),
        },
        { title: t("overview.redLights"), width: 80, render: (_, r) => r.entity?.redLights ?? "—" },
      ]}
    />
  );
}
