import { PlusOutlined } from "@ant-design/icons";
import { Button, Tag, Tree, Typography } from "antd";
import type { DataNode } from "antd/es/tree";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Overview } from "../../api/types";
import { LightTag, type ReasonText } from "../../components/LightTag";
import { QueryState } from "../../components/QueryState";
import { useCan } from "../../hooks/use-can";
import { ShareFormModal } from "../cascade/ShareFormModal";
import {
  actualAgainstPlan,
  buildIndicatorTree,
  type CascadeNode,
  formatFigure,
  goalKeys,
  type IndicatorTreeNode,
} from "./indicator-cascade";
import { trendColor, trendLabel } from "./trend-tone";
import { useIndicatorCascades } from "./use-indicator-cascades";

const ROW = { display: "inline-flex", flexWrap: "wrap", gap: 8, alignItems: "center" } as const;

/** One indicator of the tree: light, code and name, actual against plan, trend stage, who, a link to its cascade. */
function IndicatorTitle({ n, reasons }: { n: CascadeNode; reasons?: readonly ReasonText[] }) {
  const { t } = useTranslation();
  const who = [n.depth > 0 ? (n.orgUnitName ?? n.taskForceName) : n.taskForceName, n.ownerName]
    .filter(Boolean)
    .join(" · ");
  return (
    <span style={ROW} data-cascade-node={n.code} data-indicator={n.indicatorId} data-node-light={n.light}>
      <LightTag color={n.light} reasons={reasons} />
      <span style={{ fontWeight: n.depth === 0 ? 600 : 400 }}>
        {n.code} {n.name}
      </span>
      <span data-actual-plan>
        {actualAgainstPlan(n, { plan: t("ilinks.tree.plan"), target: t("ilinks.tree.target") })}
      </span>
      {n.source === "computed" ? (
        <Tag title={t("ilinks.tree.computedHint")} style={{ marginInlineEnd: 0 }}>
          {t("ilinks.tree.computed")}
        </Tag>
      ) : null}
      {n.difference !== null && n.difference !== 0 ? (
        <Typography.Text type="secondary">
          {t("ilinks.tree.difference", { value: formatFigure(n.difference) })}
        </Typography.Text>
      ) : null}
      <Tag
        color={trendColor(n.trend, n)}
        data-trend={n.trend}
        title={n.kind === "cumulative" ? t("trend.vsScheduleHint") : undefined}
        style={{ marginInlineEnd: 0 }}
      >
        {trendLabel(t, n.trend, n.kind)}
      </Tag>
      {who ? <Typography.Text type="secondary">{who}</Typography.Text> : null}
      {n.findings.length ? (
        <Tag color="warning" style={{ marginInlineEnd: 0 }}>
          {t("ilinks.tree.findings", { n: n.findings.length })}
        </Tag>
      ) : null}
      <Link
        to={`/indicators/${encodeURIComponent(n.indicatorId)}/cascade`}
        aria-label={t("ilinks.tree.openDetail", { code: n.code, name: n.name })}
      >
        {t("ilinks.tree.detail")}
      </Link>
    </span>
  );
}

/**
 * The overview's indicator cascade (层层衔接): goals, then the indicators that serve them, drilled
 * down their shares to the street and the person, each with its light, actual against plan and
 * trend stage. One call for every cascade; goals open, indicators closed until drilled into.
 */
export function IndicatorCascadeTree({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const can = useCan();
  const [adding, setAdding] = useState(false);
  const q = useIndicatorCascades();
  const reasons = useMemo(
    () => new Map(overview.indicators.map((i) => [i.id, i.progress.light.reasons])),
    [overview.indicators],
  );
  const tree = useMemo(
    () => (q.data ? buildIndicatorTree(overview.goals, overview.taskForces, q.data.nodes) : []),
    [q.data, overview.goals, overview.taskForces],
  );
  const toData = (n: IndicatorTreeNode): DataNode => ({
    key: n.key,
    title: n.indicator ? (
      <IndicatorTitle n={n.indicator} reasons={reasons.get(n.indicator.indicatorId)} />
    ) : (
      <span style={ROW} data-cascade-goal={n.goal?.id ?? ""}>
        {n.light ? <LightTag color={n.light} compact /> : null}
        {n.goal ? (
          <>
            <Typography.Text type="secondary">{t(`levels.${n.goal.level}`)}</Typography.Text>
            <span>{n.goal.title}</span>
          </>
        ) : (
          <Typography.Text type="secondary">{t("ilinks.tree.noGoal")}</Typography.Text>
        )}
      </span>
    ),
    children: n.children.map(toData),
  });
  return (
    <>
      {/* Outside the query's state: a district from nothing starts its first cascade here. */}
      {can.addDistrictIndicator ? (
        <Button
          size="small"
          icon={<PlusOutlined />}
          data-testid="add-district-indicator"
          style={{ marginBottom: 8 }}
          onClick={() => setAdding(true)}
        >
          {t("cas.share.addDistrict")}
        </Button>
      ) : null}
      <QueryState query={q} isEmpty={(v) => v.nodes.length === 0}>
        {() => (
          <div data-testid="indicator-cascade-tree">
            <Tree
              treeData={tree.map(toData)}
              defaultExpandedKeys={goalKeys(tree)}
              selectable={false}
              blockNode
              aria-label={t("ilinks.tree.label")}
            />
          </div>
        )}
      </QueryState>
      {adding ? (
        <ShareFormModal
          parent={null}
          siblingCodes={(q.data?.nodes ?? []).flatMap((n) => (n.taskForceId === null ? [n.code] : []))}
          taskForceIds={[]}
          open
          onClose={() => setAdding(false)}
        />
      ) : null}
    </>
  );
}
