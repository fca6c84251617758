import { PrinterOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Select, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { DateField } from "../components/DateField";
import { QueryState } from "../components/QueryState";
import { DispatchSection } from "../features/dispatch/DispatchSection";
import { CascadeDrags, DispatchSummary, KeyPoints } from "../features/dispatch/DispatchSummary";
import "../features/dispatch/dispatch.css";
import { roundDate, roundSpan } from "../features/dispatch/dispatch-view";
import { useDispatchReport } from "../features/dispatch/use-dispatch-report";
import { useTaskForces } from "../hooks/use-data";
import { useLang } from "../hooks/use-lang";

/** 调度报告: the round's report — summary, key points, one section per task force; prints on A4. */
export function DispatchPage() {
  const { t } = useTranslation();
  const { short } = useLang();
  const { query, statusDate, taskForceId, setDate, setTaskForce } = useDispatchReport();
  const tfs = useTaskForces();
  return (
    <QueryState query={query}>
      {(r) => (
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
          {r.taskForces.map((s) => (
            <DispatchSection key={s.taskForceId} s={s} names={r.names} chases={r.chases} />
          ))}
        </div>
      )}
    </QueryState>
  );
}
