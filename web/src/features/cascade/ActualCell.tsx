import { Tag, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { type CascadeRow, differenceText, withUnit } from "./cascade-rows";

const SOURCE_COLORS = { reported: "blue", computed: "purple", none: "default" } as const;

/**
 * A node's actual: the value and its month, where it comes from (上报 reported itself / 汇总 the
 * shares' result), the difference between a reported figure and its shares', and what is missing
 * (未报: this share has no value that month, or some of the node's shares have none).
 */
export function ActualCell({ row }: { row: CascadeRow }) {
  const { t } = useTranslation();
  const n = row.node;
  const diff = differenceText(n, t);
  return (
    <div data-actual={n.indicatorId} style={{ display: "flex", flexDirection: "column", gap: 2 }}>
      <span>
        {n.actual === null ? "—" : <strong>{withUnit(n.actual, n.unit)}</strong>}
        {n.period ? (
          <Typography.Text type="secondary" style={{ marginInlineStart: 4 }}>
            {n.period}
          </Typography.Text>
        ) : null}
      </span>
      <span style={{ display: "flex", gap: 4, flexWrap: "wrap" }}>
        {n.source !== "none" ? (
          <Tooltip title={t(`cas.sourceHint.${n.source}`)}>
            <Tag color={SOURCE_COLORS[n.source]} data-source={n.source} tabIndex={0}>
              {t(`cas.source.${n.source}`)}
            </Tag>
          </Tooltip>
        ) : null}
        {row.missing || n.source === "none" ? (
          <Tag color="orange" data-missing>
            {t("cas.missing")}
          </Tag>
        ) : null}
        {n.missing.length ? (
          <Tag color="orange" data-missing-shares={n.missing.length}>
            {t("cas.missingOf", { n: n.missing.length })}
          </Tag>
        ) : null}
      </span>
      {diff ? (
        <Typography.Text data-difference style={{ fontSize: 12 }}>
          {diff}
        </Typography.Text>
      ) : null}
    </div>
  );
}
