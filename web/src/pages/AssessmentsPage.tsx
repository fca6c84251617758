import { PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Empty, Row, Select, Space, Tabs, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { WriteError } from "../components/ConflictAlert";
import { DateField } from "../components/DateField";
import { EChart } from "../components/EChart";
import { QueryState } from "../components/QueryState";
import { AssessmentRankingTable } from "../features/assessment/AssessmentRankingTable";
import { snapshotLabel } from "../features/assessment/compare";
import { LiveRanking } from "../features/assessment/LiveRanking";
import { SnapshotList } from "../features/assessment/SnapshotList";
import { buildScoreChartOption } from "../features/assessment/score-chart";
import { type RankingKind, useAssessmentModel } from "../features/assessment/use-assessment-model";
import { useTakeAssessment } from "../features/assessment/use-assessments";
import { localMinute } from "../features/comments/comment-view";
import { useCan } from "../hooks/use-can";
import { useStatusDate } from "../hooks/use-status-date";

/** 考核排名: dated assessment snapshots, their rankings, and the comparison of two of them. */
export function AssessmentsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const m = useAssessmentModel();
  const statusDate = useStatusDate();
  const [date, setDate] = useState("");
  const take = useTakeAssessment();
  const [tab, setTab] = useState<RankingKind>("taskForces");
  const repeated = useMemo(() => {
    const n = new Map<string, number>();
    for (const s of m.items) n.set(s.statusDate, (n.get(s.statusDate) ?? 0) + 1);
    return (d: string) => (n.get(d) ?? 0) > 1;
  }, [m.items]);
  const cur = m.selected.data;
  const chart = useMemo(
    () =>
      m.rows
        ? buildScoreChartOption(
            m.rows.taskForces,
            {
              current: cur?.statusDate ?? "",
              earlier: m.earlier.data?.statusDate ?? "",
            },
            m.comparing,
          )
        : null,
    [m.rows, m.comparing, cur?.statusDate, m.earlier.data?.statusDate],
  );
  const takeSnapshot = () => take.mutate(date || undefined, { onSuccess: (s) => m.select(s.id) });
  return (
    <Space orientation="vertical" style={{ width: "100%" }} size="middle">
      <Card
        title={t("assess.title")}
        extra={
          can.takeAssessment ? (
            <Space wrap>
              <DateField
                aria-label={t("assess.atDate")}
                placeholder={statusDate}
                value={date}
                onChange={setDate}
                style={{ width: 160 }}
              />
              <Button
                type="primary"
                icon={<PlusOutlined />}
                loading={take.isPending}
                onClick={takeSnapshot}
                data-testid="take-assessment"
              >
                {t("assess.take")}
              </Button>
            </Space>
          ) : null
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t("assess.intro")}
        </Typography.Paragraph>
        <WriteError error={take.error} />
        {take.isSuccess ? (
          <Alert type="success" showIcon title={t("assess.taken", { date: take.data.statusDate })} />
        ) : null}
      </Card>
      <LiveRanking />
      <QueryState query={m.list}>
        {(page) =>
          page.items.length === 0 ? (
            <Card>
              <Empty description={can.takeAssessment ? t("assess.noneCanTake") : t("assess.none")} />
            </Card>
          ) : (
            <Row gutter={16}>
              <Col xs={24} lg={6}>
                <Card size="small" title={t("assess.snapshots")}>
                  <SnapshotList items={page.items} selectedId={m.selectedId} onSelect={m.select} />
                </Card>
              </Col>
              <Col xs={24} lg={18}>
                <Card
                  size="small"
                  data-testid="snapshot-ranking"
                  title={cur ? t("assess.ranking", { date: cur.statusDate }) : t("assess.title")}
                  extra={
                    <Space>
                      <Typography.Text>{t("assess.compareWith")}</Typography.Text>
                      <Select
                        aria-label={t("assess.compareWith")}
                        data-testid="compare-select"
                        allowClear
                        placeholder={t("assess.noCompare")}
                        style={{ minWidth: 220 }}
                        value={m.compareId ?? undefined}
                        onChange={(v) => m.compareWith(v ?? null)}
                        options={page.items
                          .filter((s) => s.id !== m.selectedId)
                          .map((s) => ({
                            value: s.id,
                            label: snapshotLabel(s, repeated(s.statusDate), localMinute),
                          }))}
                      />
                    </Space>
                  }
                >
                  <QueryState query={m.selected}>
                    {(snap) =>
                      m.rows ? (
                        <>
                          {chart ? (
                            <EChart
                              option={chart}
                              height={Math.max(220, m.rows.taskForces.length * (m.comparing ? 34 : 26) + 40)}
                              label={t("assess.chart")}
                            />
                          ) : null}
                          <Tabs
                            activeKey={tab}
                            onChange={(k) => setTab(k as RankingKind)}
                            items={(["taskForces", "units", "persons"] as const).map((k) => ({
                              key: k,
                              label: t(`assess.${k}`),
                              children: (
                                <AssessmentRankingTable
                                  rows={m.rows?.[k] ?? []}
                                  entities={snap[k]}
                                  weights={snap.weights}
                                  comparing={m.comparing}
                                  linkTaskForces={k === "taskForces"}
                                  label={t(`assess.${k}`)}
                                />
                              ),
                            }))}
                          />
                        </>
                      ) : null
                    }
                  </QueryState>
                </Card>
              </Col>
            </Row>
          )
        }
      </QueryState>
    </Space>
  );
}
