import { PrinterOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Select, Space, Table, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "../components/DateField";
import { QueryState } from "../components/QueryState";
import { DispatchSection } from "../features/dispatch/DispatchSection";
import { CascadeDrags, DispatchSummary, KeyPoints } from "../features/dispatch/DispatchSummary";
import "../features/dispatch/dispatch.css";
import type { DispatchReport, DispatchReportSummary } from "../api/types";
import { LightTag } from "../components/LightTag";
import { roundDate, roundSpan } from "../features/dispatch/dispatch-view";
import { DISPATCH_PAGE, useDispatchReport } from "../features/dispatch/use-dispatch-report";
import { useTaskForces } from "../hooks/use-data";
import { useLang } from "../hooks/use-lang";

/** The parts of the report and of its summary the page shows above the task forces. */
type ReportHead = Pick<
  DispatchReport,
  "statusDate" | "rounds" | "dayUnit" | "roundSetting" | "total" | "keyPoints" | "cascade"
>;

/**
 * 调度报告: the round's report — summary, key points, one section per task force; prints on A4.
 * A large organisation's report (all task forces) lists each task force's counts a page at a time,
 * its sections one task force at a time.
 */
export function DispatchPage() {
  const d = useDispatchReport();
  if (d.large)
    return (
      <QueryState query={d.summary}>
        {(r) => (
          <Report r={r} d={d}>
            <TaskForceCounts r={r} page={d.page} setPage={d.setPage} open={d.setTaskForce} />
          </Report>
        )}
      </QueryState>
    );
  return (
    <QueryState query={d.full}>
      {(r) => (
        <Report r={r} d={d}>
          {r.taskForces.map((s) => (
            <DispatchSection key={s.taskForceId} s={s} names={r.names} chases={r.chases} />
          ))}
        </Report>
      )}
    </QueryState>
  );
}

/** Each task force's counts in the round, a page at a time; a row opens the task force's report. */
function TaskForceCounts({
  r,
  page,
  setPage,
  open,
}: {
  r: DispatchReportSummary;
  page: number;
  setPage: (page: number) => void;
  open: (taskForceId: string) => void;
}) {
  const { t } = useTranslation();
  type Row = DispatchReportSummary["taskForces"][number];
  const n = (key: string, value: (s: Row["summary"]) => number) => ({
    title: t(`dispatch.${key}`),
    width: 90,
    render: (_: unknown, row: Row) => value(row.summary),
  });
  return (
    <Card size="small" title={t("dispatch.byTaskForce")} className="dispatch-section">
      <Table<Row>
        rowKey="taskForceId"
        size="small"
        data-testid="dispatch-task-forces"
        dataSource={r.taskForces}
        scroll={{ x: "max-content" }}
        pagination={{
          current: page,
          pageSize: DISPATCH_PAGE,
          total: r.cut.taskForces,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={[
          {
            title: t("dispatch.taskForce"),
            render: (_, row) => (
              <Button type="link" size="small" onClick={() => open(row.taskForceId)}>
                {row.code} {row.name}
              </Button>
            ),
          },
          {
            title: t("overview.light"),
            width: 90,
            render: (_, row) => (row.color ? <LightTag color={row.color} /> : "—"),
          },
          n("overdue", (s) => s.overdue),
          n("noReport", (s) => s.noReport),
          n("red", (s) => s.red),
          n("supOverdue", (s) => s.supervision.overdue),
          n("indicatorsReported", (s) => s.indicatorsReported),
        ]}
      />
    </Card>
  );
}

/** The report's head: round picker, task force, print; the round, totals, key points and cascade. */
function Report({
  r,
  d,
  children,
}: {
  r: ReportHead;
  d: ReturnType<typeof useDispatchReport>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { short } = useLang();
  const { statusDate, taskForceId, setDate, setTaskForce } = d;
  const tfs = useTaskForces();
  return (
    <div className="dispatch-report" data-testid="dispatch-report">
      <h1 className="dispatch-print-title">
        {t("dispatch.printTitle", { date: r.statusDate, round: t(`dispatch.${r.rounds.kind}`) })}
      </h1>
      <Typography.Title level={3} className="no-print">
        {t("dispatch.title")}
      </Typography.Title>
      <Space className="no-print" wrap style={{ marginBottom: 12 }}>
        <Button onClick={() => setDate(roundDate(r.rounds, "prev"))}>{t("dispatch.prev")}</Button>
        <Space.Compact>
          <Space.Addon>{t("common.statusDate")}</Space.Addon>
          <DateField
            aria-label={t("common.statusDate")}
            value={statusDate ?? r.statusDate}
            onChange={(v) => setDate(v || null)}
            allowClear={false}
            style={{ width: 140 }}
          />
        </Space.Compact>
        <Button onClick={() => setDate(roundDate(r.rounds, "next"))}>{t("dispatch.next")}</Button>
        <Button onClick={() => setDate(null)} disabled={!statusDate}>
          {t("dispatch.reset")}
        </Button>
        <Select
          aria-label={t("dispatch.taskForce")}
          style={{ width: 260 }}
          value={taskForceId ?? ""}
          onChange={(v: string) => setTaskForce(v || null)}
          options={[
            { value: "", label: t("dispatch.allTaskForces") },
            ...(tfs.data?.items ?? []).map((f) => ({ value: f.id, label: `${f.code} ${f.name}` })),
          ]}
        />
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t("common.print")}
        </Button>
      </Space>
      <Typography.Paragraph data-testid="dispatch-round">
        {t(`dispatch.${r.rounds.kind}`)} · {t("dispatch.round", roundSpan(r))} ·{" "}
        {t("dispatch.nextRange", r.rounds.next)} ·{" "}
        {r.dayUnit === "workdays" ? t("dispatch.unitWorkdays") : t("dispatch.unitCalendar")}
      </Typography.Paragraph>
      {r.roundSetting === "off" ? (
        <Alert type="info" showIcon title={t("dispatch.roundOff")} style={{ marginBottom: 12 }} />
      ) : null}
      <Card size="small" title={t("dispatch.summary")} className="dispatch-section">
        <DispatchSummary summary={r.total} testId="dispatch-total" explain />
      </Card>
      <KeyPoints points={r.keyPoints} lang={short} />
      <CascadeDrags drags={r.cascade} lang={short} />
      {children}
    </div>
  );
}
