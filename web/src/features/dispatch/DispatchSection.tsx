import { Card, Space, Table, type TableColumnsType, Typography } from "antd";

import { useTranslation } from "react-i18next";
import type { DispatchReport } from "../../api/types";
import { LightTag } from "../../components/LightTag";
import { RoundChases } from "../chasing/RoundChases";
import { DispatchSummary } from "./DispatchSummary";
import { isQuiet, litRows, supervisionRows } from "./dispatch-view";
import { useDispatchColumns } from "./use-dispatch-columns";

type Section = DispatchReport["taskForces"][number];

/** A titled table, left out when it has no rows. */
function List<T extends object>(props: {
  title: string;
  rows: readonly T[];
  columns: TableColumnsType<T>;
  testId: string;
  rowKey?: (row: T) => string;
}) {
  if (props.rows.length === 0) return null;
  return (
    <div data-testid={props.testId}>
      <div className="dispatch-list-title">
        {props.title}（{props.rows.length}）
      </div>
      <Table<T>
        size="small"
        rowKey={props.rowKey ?? ((r) => (r as { taskId: string }).taskId)}
        dataSource={props.rows as T[]}
        columns={props.columns}
        pagination={false}
      />
    </div>
  );
}

/** One task force's part of the dispatch report: its light and counts, then its non-empty lists. */
export function DispatchSection({
  s,
  names,
  chases,
}: {
  s: Section;
  names: DispatchReport["names"];
  chases?: DispatchReport["chases"];
}) {
  const { t } = useTranslation();
  const cols = useDispatchColumns(names);
  const id = (list: string) => `dispatch-${list}-${s.code}`;
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
      {chases ? <RoundChases chases={chases} taskForceId={s.taskForceId} code={s.code} /> : null}
      {isQuiet(s) ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t("dispatch.quiet")}
        </Typography.Paragraph>
      ) : null}
      <List title={t("dispatch.overdue")} rows={s.overdue} columns={cols.overdue} testId={id("overdue")} />
      <List title={t("dispatch.due")} rows={s.due} columns={cols.due} testId={id("due")} />
      <List
        title={t("dispatch.noReport")}
        rows={s.noReport}
        columns={cols.noReport}
        testId={id("noreport")}
      />
      <List title={t("dispatch.lit")} rows={litRows(s)} columns={cols.lit} testId={id("lit")} />
      <List
        title={t("dispatch.completed")}
        rows={s.completed}
        columns={cols.completed}
        testId={id("completed")}
      />
      <List
        title={t("dispatch.supervision")}
        rows={supervisionRows(s)}
        columns={cols.supervision}
        testId={id("supervision")}
        rowKey={(r) => r.id}
      />
      <List
        title={t("dispatch.indicators")}
        rows={s.indicators}
        columns={cols.indicators}
        testId={id("indicators")}
      />
    </Card>
  );
}
