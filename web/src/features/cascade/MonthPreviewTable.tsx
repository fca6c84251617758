import { CheckCircleFilled, CloseCircleFilled } from "@ant-design/icons";
import { Table, Tag, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { CascadeNode, MonthlySplitResult } from "../../../../src/shared/api/cascade";
import { num, withUnit } from "./cascade-rows";
import { type MonthRow, meetsTarget, monthRows } from "./split-form";

/** The preview of a monthly plan: each month's plan to date before and after, and what the month adds. */
export function MonthPreviewTable({ result, node }: { result: MonthlySplitResult; node: CascadeNode }) {
  const { t } = useTranslation();
  const rows = useMemo(() => monthRows(node.year, result.before, result.after), [node.year, result]);
  const yearEnd = rows.at(-1)?.after ?? 0;
  const unit = node.unit;
  return (
    <div data-testid="months-preview-table" style={{ marginTop: 12 }}>
      <Typography.Title level={5}>{t("cas.split.previewTitle")}</Typography.Title>
      <Table<MonthRow>
        size="small"
        rowKey="period"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t("ind.month"), dataIndex: "period", width: 100 },
          {
            title: t("cas.months.before"),
            render: (_, r) => (r.before === null ? "—" : withUnit(r.before, unit)),
          },
          {
            title: t("cas.months.after"),
            render: (_, r) => <strong data-month={r.period}>{withUnit(r.after, unit)}</strong>,
          },
          { title: t("cas.months.monthly"), render: (_, r) => num(r.monthly) },
        ]}
      />
      <div data-testid="months-total" style={{ marginTop: 8, display: "flex", gap: 8, alignItems: "center" }}>
        <span>
          {t("cas.months.yearEnd", { value: withUnit(yearEnd, unit), target: withUnit(result.target, unit) })}
        </span>
        {meetsTarget(yearEnd, result.target) ? (
          <Tag color="green" icon={<CheckCircleFilled />}>
            {t("cas.split.matches")}
          </Tag>
        ) : (
          <Tag color="red" icon={<CloseCircleFilled />}>
            {t("cas.split.differs", { diff: withUnit(yearEnd - result.target, unit) })}
          </Tag>
        )}
      </div>
    </div>
  );
}
