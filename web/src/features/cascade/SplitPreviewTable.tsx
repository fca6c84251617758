import { CheckCircleFilled, CloseCircleFilled } from "@ant-design/icons";
import { Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { CascadeNode, SplitResult } from "../../../../src/shared/api/cascade";
import { num, withUnit } from "./cascade-rows";
import { meetsTarget } from "./split-form";

type Line = SplitResult["lines"][number];

/** The preview of a split: each share's target (and weight) before → after, and the total against the target. */
export function SplitPreviewTable({ result, parent }: { result: SplitResult; parent: CascadeNode }) {
  const { t } = useTranslation();
  const unit = parent.unit;
  const weighted = parent.kind !== "cumulative";
  const meets = meetsTarget(result.total, result.target);
  return (
    <div data-testid="split-preview-table" style={{ marginTop: 12 }}>
      <Typography.Title level={5}>{t("cas.split.previewTitle")}</Typography.Title>
      <Table<Line>
        size="small"
        rowKey="indicatorId"
        pagination={false}
        dataSource={result.lines}
        columns={[
          { title: t("cas.split.child"), render: (_, l) => `${l.code} ${l.name}` },
          { title: t("cas.split.before"), width: 110, render: (_, l) => withUnit(l.before.target, unit) },
          {
            title: t("cas.split.after"),
            width: 110,
            render: (_, l) => <strong data-after={l.indicatorId}>{withUnit(l.after.target, unit)}</strong>,
          },
          {
            title: t("cas.split.change"),
            width: 90,
            render: (_, l) => {
              const d = l.after.target - l.before.target;
              return Math.abs(d) < 1e-9 ? "—" : `${d > 0 ? "+" : ""}${num(d)}`;
            },
          },
          ...(weighted
            ? [
                {
                  title: t("cas.split.weight"),
                  width: 120,
                  render: (_: unknown, l: Line) =>
                    `${l.before.weight === null ? "—" : num(l.before.weight)} → ${
                      l.after.weight === null ? "—" : num(l.after.weight)
                    }`,
                },
              ]
            : []),
        ]}
      />
      <div data-testid="split-total" style={{ marginTop: 8, display: "flex", gap: 8, alignItems: "center" }}>
        <span>
          {t("cas.split.totalLine", {
            label: t(weighted ? "cas.split.totalWeighted" : "cas.split.total"),
            total: withUnit(result.total, unit),
            target: withUnit(result.target, unit),
          })}
        </span>
        {meets ? (
          <Tag color="green" icon={<CheckCircleFilled />}>
            {t("cas.split.matches")}
          </Tag>
        ) : (
          <Tag color="red" icon={<CloseCircleFilled />}>
            {t("cas.split.differs", { diff: withUnit(result.total - result.target, unit) })}
          </Tag>
        )}
      </div>
    </div>
  );
}
