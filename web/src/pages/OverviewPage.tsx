import { Card, Col, Row, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { QueryState } from "../components/QueryState";
import { AnswerSheetButton } from "../features/answer-sheet/AnswerSheetButton";
import { CascadeTree } from "../features/overview/CascadeTree";
import { IndicatorCard } from "../features/overview/IndicatorCard";
import { IndicatorCascadeTree } from "../features/overview/IndicatorCascadeTree";
import { LargeOverview } from "../features/overview/LargeOverview";
import { LightCountsBar } from "../features/overview/LightCountsBar";
import { RankingTable } from "../features/overview/RankingTable";
import { sumCounts, useOverviewModel } from "../features/overview/use-overview-model";
import { LARGE_ORGANISATION, useOverview, useOverviewSummary } from "../hooks/use-data";

/**
 * 总览: the summary first; for a district, the whole overview (cascade tree with lights, counts by
 * light, ranking, the indicator cascade, indicator cards); for a larger organisation (or with
 * `?summary=1`), the summary's page.
 */
export function OverviewPage() {
  const [params] = useSearchParams();
  const summary = useOverviewSummary(20);
  const large = params.get("summary") === "1" || (summary.data?.taskForceCount ?? 0) > LARGE_ORGANISATION;
  if (!summary.data || large)
    return (
      <QueryState query={summary} isEmpty={(s) => s.taskForceCount === 0}>
        {(s) => (
          <>
            <OverviewTitle statusDate={s.statusDate} />
            <LargeOverview s={s} />
          </>
        )}
      </QueryState>
    );
  return <WholeOverview />;
}

function OverviewTitle({ statusDate }: { statusDate: string }) {
  const { t } = useTranslation();
  return (
    <Typography.Title level={3}>
      {t("overview.title")}{" "}
      <Typography.Text type="secondary" style={{ fontSize: 14 }}>
        {t("common.statusDate")} {statusDate}
      </Typography.Text>
      <AnswerSheetButton />
    </Typography.Title>
  );
}

/** The whole overview of a district. */
function WholeOverview() {
  const { t } = useTranslation();
  const q = useOverview();
  const model = useOverviewModel(q.data);
  return (
    <QueryState query={q} isEmpty={(o) => o.taskForces.length === 0}>
      {(o) => (
        <>
          <OverviewTitle statusDate={o.statusDate} />
          <Card size="small" title={t("overview.counts")} style={{ marginBottom: 16 }}>
            <Space orientation="vertical">
              <span>
                {t("overview.tfCounts")} <LightCountsBar counts={o.counts} />
              </span>
              <span>
                {t("overview.itemCounts")}{" "}
                <LightCountsBar counts={sumCounts(o.taskForces.map((x) => x.counts))} />
              </span>
            </Space>
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={10}>
              <Card size="small" title={t("overview.cascade")}>
                <CascadeTree nodes={model?.cascade ?? []} />
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <Card size="small" title={t("overview.ranking")}>
                <RankingTable rows={model?.ranking ?? []} />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t("ilinks.tree.title")} style={{ marginTop: 16 }}>
            <IndicatorCascadeTree overview={o} />
          </Card>
          <Typography.Title level={4} style={{ marginTop: 16 }}>
            {t("overview.indicators")}
          </Typography.Title>
          <Row gutter={[12, 12]}>
            {(model?.indicators ?? []).map((ind) => (
              <Col key={ind.id} xs={24} sm={12} lg={8} xxl={6}>
                <IndicatorCard ind={ind} />
              </Col>
            ))}
          </Row>
        </>
      )}
    </QueryState>
  );
}
