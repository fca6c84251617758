import { useQuery } from "@tanstack/react-query";
import { Card, Col, Row, Segmented, Space, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { fetchOverviewTaskForces } from "../../api/data";
import type { LightColor, OverviewSummary, OverviewTaskForce } from "../../api/types";
import { LIGHT_ORDER } from "../../charts/colors";
import { LightTag } from "../../components/LightTag";
import { roundTenth } from "../assessment/compare";
import { IndicatorCard } from "./IndicatorCard";
import { LightCountsBar } from "./LightCountsBar";

const PAGE = 20;

/** The task forces by rank, a page at a time from the server, optionally of one light. */
function PagedRanking({ statusDate, total }: { statusDate: string; total: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [light, setLight] = useState<LightColor | "all">("all");
  const q = useQuery({
    queryKey: ["overview", "task-forces", statusDate, light, page],
    queryFn: () =>
      fetchOverviewTaskForces({
        statusDate,
        limit: PAGE,
        offset: (page - 1) * PAGE,
        ...(light === "all" ? {} : { light }),
      }),
    placeholderData: (previous) => previous,
  });
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Segmented<LightColor | "all">
        aria-label={t("overview.light")}
        value={light}
        onChange={(v) => {
          setLight(v);
          setPage(1);
        }}
        options={[
          { value: "all", label: t("overview.allLights") },
          ...LIGHT_ORDER.map((c) => ({ value: c, label: t(`lights.${c}`) })),
        ]}
      />
      <Table<OverviewTaskForce>
        rowKey="id"
        size="small"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        aria-label={t("overview.ranking")}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: q.data?.total ?? total,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={[
          { title: t("overview.rank"), dataIndex: "rank", width: 64, render: (r: number | null) => r ?? "—" },
          {
            title: t("overview.taskForce"),
            render: (_, r) => <Link to={`/task-forces/${r.id}`}>{r.name}</Link>,
          },
          {
            title: t("overview.light"),
            width: 110,
            render: (_, r) => <LightTag color={r.light} reasons={r.reasons} />,
          },
          {
            title: t("overview.score"),
            dataIndex: "score",
            width: 80,
            render: (s: number | null) => (s === null ? "—" : roundTenth(s)),
          },
          { title: t("overview.redLights"), dataIndex: "redLights", width: 80 },
        ]}
      />
    </Space>
  );
}

/**
 * The overview of a large organisation (a province's thousands of task forces), drawn from the
 * summary: counts, the red task forces, the ranking a page at a time, the district's indicators.
 */
export function LargeOverview({ s }: { s: OverviewSummary }) {
  const { t } = useTranslation();
  return (
    <div data-testid="large-overview">
      <Card size="small" title={t("overview.counts")} style={{ marginBottom: 16 }}>
        <Space orientation="vertical">
          <span>
            {t("overview.tfCounts")} <LightCountsBar counts={s.counts} />
          </span>
          <span>
            {t("overview.itemCounts")} <LightCountsBar counts={s.itemCounts} />
          </span>
          <Typography.Text type="secondary">
            {t("overview.sizes", { taskForces: s.taskForceCount, indicators: s.indicatorCount })}
          </Typography.Text>
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card size="small" title={t("overview.redTaskForces", { count: s.counts.red })}>
            <Table<OverviewTaskForce>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={s.red}
              aria-label={t("overview.redTaskForces", { count: s.counts.red })}
              columns={[
                {
                  title: t("overview.taskForce"),
                  render: (_, r) => <Link to={`/task-forces/${r.id}`}>{r.name}</Link>,
                },
                { title: t("overview.redLights"), dataIndex: "redLights", width: 80 },
                {
                  title: t("overview.light"),
                  width: 110,
                  render: (_, r) => <LightTag color={r.light} reasons={r.reasons} />,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title={t("overview.ranking")}>
            <PagedRanking statusDate={s.statusDate} total={s.taskForceCount} />
          </Card>
        </Col>
      </Row>
      <Typography.Title level={4} style={{ marginTop: 16 }}>
        {t("overview.districtIndicators")}
      </Typography.Title>
      <Row gutter={[12, 12]}>
        {s.districtIndicators.map((ind) => (
          <Col key={ind.id} xs={24} sm={12} lg={8} xxl={6}>
            <IndicatorCard ind={ind} />
          </Col>
        ))}
      </Row>
    </div>
  );
}
