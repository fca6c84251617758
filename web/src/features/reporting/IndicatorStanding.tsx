import { Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Indicator } from "../../api/types";
import { LightTag } from "../../components/LightTag";
import { trendColor, trendLabel } from "../overview/trend-tone";
import { type IndicatorStanding as Standing, withUnit } from "./use-indicator-status";

/** The latest actual with its month (`960 户 · 2022-07`), or 尚未填报. */
export function LatestActual({ ind, standing }: { ind: Indicator; standing: Standing }) {
  const { t } = useTranslation();
  const latest = standing.status?.latest;
  if (!standing.view) return null;
  if (!latest) return <Typography.Text type="secondary">{t("myInd.noneYet")}</Typography.Text>;
  return (
    <span data-latest={latest.period}>
      {t("myInd.latestOf", { value: withUnit(latest.actual, ind.unit), period: latest.period })}
    </span>
  );
}

/** The light, the trend stage and, where the kind has one, work against time progress. */
export function StandingTags({ standing }: { standing: Standing }) {
  const { t } = useTranslation();
  const { view, status } = standing;
  if (!view) return null;
  return (
    <>
      <LightTag color={view.progress.light.color} reasons={view.progress.light.reasons} />
      <Tag color={trendColor(view.trend, view)} data-trend={view.trend} style={{ marginInlineEnd: 0 }}>
        {trendLabel(t, view.trend, view.kind)}
      </Tag>
      {status?.progress ? <span data-progress>{t("myInd.progress", status.progress)}</span> : null}
    </>
  );
}

/** 本月已填报 / 本月未填报: whether the status date's month has an actual. */
export function MonthTag({ standing, month }: { standing: Standing; month: string }) {
  const { t } = useTranslation();
  if (!standing.status) return null;
  const done = standing.status.reportedThisMonth;
  return (
    <Tag
      color={done ? "green" : "orange"}
      data-month-reported={done ? "yes" : "no"}
      title={t("myInd.monthHint", { month })}
      style={{ marginInlineEnd: 0 }}
    >
      {t(done ? "myInd.reported" : "myInd.notReported")}
    </Tag>
  );
}
