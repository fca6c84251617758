import { Button, Flex, Table } from "antd";
import { useTranslation } from "react-i18next";
import type { Indicator } from "../../api/types";
import { useCan } from "../../hooks/use-can";
import { useNames } from "../../hooks/use-data";
import { LatestActual, MonthTag, StandingTags } from "./IndicatorStanding";
import { useIndicatorStandings } from "./use-indicator-status";

/**
 * 我负责的指标 on a desktop: each indicator's target, latest actual and month, light, trend and
 * progress, whether this month is reported, and 填报实际值.
 */
export function MyIndicatorsTable(props: {
  indicators: readonly Indicator[];
  onReport: (i: Indicator) => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const names = useNames();
  const standings = useIndicatorStandings();
  return (
    <Table<Indicator>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={[...props.indicators]}
      data-testid="my-indicators"
      columns={[
        { title: t("tf.code"), dataIndex: "code", width: 80 },
        { title: t("tf.name"), dataIndex: "name" },
        { title: t("ind.target"), width: 100, render: (_, r) => `${r.target}${r.unit}` },
        {
          title: t("myInd.latest"),
          width: 140,
          render: (_, r) => <LatestActual ind={r} standing={standings.of(r.id)} />,
        },
        {
          title: t("myInd.standing"),
          width: 230,
          render: (_, r) => (
            <Flex wrap gap={4} align="center">
              <StandingTags standing={standings.of(r.id)} />
            </Flex>
          ),
        },
        {
          title: t("myInd.month"),
          width: 120,
          render: (_, r) => <MonthTag standing={standings.of(r.id)} month={standings.month} />,
        },
        { title: t("overview.taskForce"), width: 160, render: (_, r) => names.taskForce(r.taskForceId) },
        {
          title: "",
          width: 110,
          render: (_, r) =>
            can.reportReading(r) ? (
              <Button size="small" data-report-indicator={r.code} onClick={() => props.onReport(r)}>
                {t("ind.report")}
              </Button>
            ) : null,
        },
      ]}
    />
  );
}
