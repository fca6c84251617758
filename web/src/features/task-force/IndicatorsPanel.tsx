import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, Col, Popconfirm, Row, Space, Table, Typography } from "antd";
import { type ReactNode, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Indicator, IndicatorReading, OverviewIndicator, TaskForceFull } from "../../api/types";
import { buildPlanActualOption } from "../../charts/plan-actual";
import { buildProgressGaugeOption } from "../../charts/progress-gauge";
import { EChart } from "../../components/EChart";
import { LightTag } from "../../components/LightTag";
import { useCan } from "../../hooks/use-can";
import { useNames, useOverviewIndicators } from "../../hooks/use-data";
import { CascadeLink } from "../cascade/CascadeLink";
import { type Correction, CorrectionModal } from "../reporting/CorrectionModal";
import { ReadingModal } from "../reporting/ReadingModal";
import { IndicatorFormModal } from "./IndicatorFormModal";
import { PlanErrorAlert } from "./PlanErrorAlert";
import { SupportingTasks } from "./SupportingTasks";
import { useDeletePlanRecord, usePlanErrorContext } from "./use-plan-edits";

type Ind = Indicator & { readings: IndicatorReading[] };

function IndicatorDetail({
  ind,
  view,
  onReport,
  onCorrect,
  onDelete,
  notice,
  cascade,
  behind,
}: {
  ind: Ind;
  view?: OverviewIndicator;
  onReport?: () => void;
  /** Present for who may report the indicator: corrects or withdraws one month's actual. */
  onCorrect?: (reading: IndicatorReading, mode: Correction["mode"]) => void;
  /** Present for the task force's lead: deletes the indicator (after a confirmation). */
  onDelete?: () => void;
  /** Shown at the top of the card (why its delete was refused). */
  notice?: ReactNode;
  /** Shown at the bottom of the card: the tasks behind the indicator (支撑任务). */
  behind?: ReactNode;
  /** It is a share of another indicator or has shares: link to its cascade (层层衔接). */
  cascade?: boolean;
}) {
  const { t } = useTranslation();
  const names = useNames();
  const color = view?.progress.light.color ?? "grey";
  const planActual = useMemo(
    () =>
      buildPlanActualOption({
        year: ind.year,
        readings: ind.readings,
        monthlyPlan: ind.monthlyPlan,
        target: ind.target,
        unit: ind.unit,
        labels: { plan: t("ind.plan"), actual: t("ind.actual"), target: t("ind.target") },
      }),
    [ind, t],
  );
  const gauge = useMemo(
    () =>
      buildProgressGaugeOption({
        timeProgress: view?.progress.timeProgress ?? 0,
        workProgress: view?.progress.workProgress ?? null,
        color,
        labels: { time: t("overview.timeProgress"), work: t("overview.workProgress") },
      }),
    [view, color, t],
  );
  const fc = view?.forecast;
  return (
    <Card
      size="small"
      title={`${ind.code} ${ind.name}`}
      extra={
        <span style={{ display: "inline-flex", gap: 8 }}>
          {view ? <LightTag color={color} reasons={view.progress.light.reasons} /> : null}
          {cascade ? <CascadeLink indicatorId={ind.id} code={ind.code} /> : null}
          {onReport ? (
            <Button size="small" data-testid="report-reading" onClick={onReport}>
              {t("ind.report")}
            </Button>
          ) : null}
          {onDelete ? (
            <Popconfirm
              title={t("plan.confirmDeleteIndicator", { name: `${ind.code} ${ind.name}` })}
              okText={t("plan.delete")}
              okButtonProps={{ danger: true }}
              cancelText={t("common.cancel")}
              onConfirm={onDelete}
            >
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                data-delete-indicator={ind.code}
                aria-label={`${t("plan.delete")} ${ind.code}`}
              />
            </Popconfirm>
          ) : null}
        </span>
      }
    >
      {notice}
      <Row gutter={12}>
        <Col xs={24} md={16}>
          <EChart option={planActual} height={220} label={`${ind.name} ${t("ind.planVsActual")}`} />
        </Col>
        <Col xs={24} md={8}>
          <EChart option={gauge} height={180} label={t("ind.gauge")} />
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            {t("ind.owner")}：{names.person(ind.ownerPersonId)} · {t(`kinds.${ind.kind}`)}
            <br />
            {fc?.status === "forecast" && fc.value !== undefined
              ? t("ind.forecastValue", {
                  value: Math.round(fc.value * 100) / 100,
                  unit: ind.unit,
                  meets: fc.meetsTarget ? t("ind.meets") : t("ind.misses"),
                })
              : t("ind.noForecast", { status: t(`forecast.${fc?.status ?? "no-basis"}`) })}
            {view ? (
              <>
                <br />
                {t(`trend.${view.trend}`)}
              </>
            ) : null}
          </Typography.Paragraph>
        </Col>
      </Row>
      {onCorrect && ind.readings.length ? (
        <Table<IndicatorReading>
          size="small"
          rowKey="id"
          pagination={false}
          title={() => t("correction.readings")}
          dataSource={[...ind.readings].sort((a, b) => b.period.localeCompare(a.period))}
          scroll={{ y: 180 }}
          columns={[
            { title: t("ind.month"), dataIndex: "period", width: 100 },
            { title: t("ind.actual"), width: 120, render: (_, r) => `${r.actual} ${ind.unit}` },
            { title: t("correction.note"), dataIndex: "note", ellipsis: true },
            {
              title: "",
              width: 150,
              render: (_, r) => (
                <Space size={4} data-reading={r.period}>
                  <Button size="small" data-action="correct" onClick={() => onCorrect(r, "correct")}>
                    {t("correction.correct")}
                  </Button>
                  <Button size="small" danger data-action="withdraw" onClick={() => onCorrect(r, "withdraw")}>
                    {t("correction.withdraw")}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      ) : null}
      {behind}
    </Card>
  );
}

/**
 * The task force's indicators: plan vs actual, time-progress gauge, forecast; owners report
 * actuals; the lead adds and deletes indicators.
 */
export function IndicatorsPanel({ full }: { full: TaskForceFull }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const indicators = full.indicators;
  const can = useCan();
  const editable = can.editPlan(full.taskForce.id, "indicators");
  const [adding, setAdding] = useState(false);
  const del = useDeletePlanRecord();
  const ctx = usePlanErrorContext(full, null);
  // The refusal is shown in the card whose delete failed, where the lead is looking.
  const [deleting, setDeleting] = useState<string | null>(null);
  const remove = (ind: Ind) => {
    setDeleting(ind.id);
    del.mutate(
      { resource: "indicators", id: ind.id, version: ind.version },
      { onSuccess: () => void message.success(t("plan.deleted", { what: ind.code })) },
    );
  };
  // This task force's rows of the overview (progress, trend, light), not the whole district's.
  const own = useOverviewIndicators(full.taskForce.id);
  const byId = useMemo(() => new Map((own.data?.items ?? []).map((i) => [i.id, i])), [own.data]);
  // Indicators in a cascade: shares (with a parent) and the parents of this task force's shares.
  const inCascade = useMemo(
    () => new Set(indicators.flatMap((i) => (i.parentId ? [i.id, i.parentId] : []))),
    [indicators],
  );
  const [reporting, setReporting] = useState<Indicator | null>(null);
  const [correcting, setCorrecting] = useState<Correction | null>(null);
  return (
    <Row gutter={[12, 12]}>
      {editable ? (
        <Col span={24}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="add-indicator"
            onClick={() => setAdding(true)}
          >
            {t("plan.addIndicator")}
          </Button>
        </Col>
      ) : null}
      {indicators.map((ind) => (
        <Col key={ind.id} xs={24} xxl={12}>
          <IndicatorDetail
            ind={ind}
            view={byId.get(ind.id)}
            cascade={inCascade.has(ind.id)}
            behind={
              <SupportingTasks full={full} indicator={ind} light={byId.get(ind.id)?.progress.light.color} />
            }
            onReport={can.reportReading(ind) ? () => setReporting(ind) : undefined}
            onCorrect={
              can.reportReading(ind)
                ? (record, mode) =>
                    setCorrecting({
                      kind: "reading",
                      mode,
                      record,
                      label: `${ind.code} ${ind.name} · ${record.period}`,
                    })
                : undefined
            }
            onDelete={editable ? () => remove(ind) : undefined}
            notice={
              deleting === ind.id ? (
                <PlanErrorAlert
                  error={del.error}
                  context={ctx}
                  onReapply={() => void del.reapply()}
                  onClose={() => del.reset()}
                />
              ) : null
            }
          />
        </Col>
      ))}
      <ReadingModal indicator={reporting} onClose={() => setReporting(null)} />
      <CorrectionModal target={correcting} onClose={() => setCorrecting(null)} />
      <IndicatorFormModal key={String(adding)} full={full} open={adding} onClose={() => setAdding(false)} />
    </Row>
  );
}
