import { Card, Tabs, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { QueryState } from "../../components/QueryState";
import { useOverview } from "../../hooks/use-data";
import { AssessmentRankingTable } from "./AssessmentRankingTable";
import { compareRankings } from "./compare";
import type { RankingKind } from "./use-assessment-model";

const KINDS = ["taskForces", "units", "persons"] as const;

/**
 * 实时排名: the ranking at the organisation's status date, computed as the overview is — shown
 * whether or not anyone has taken a snapshot; the saved snapshots stay below for comparison.
 */
export function LiveRanking() {
  const { t } = useTranslation();
  const overview = useOverview();
  const [tab, setTab] = useState<RankingKind>("taskForces");
  const a = overview.data?.assessment;
  const rows = useMemo(
    () => (a ? Object.fromEntries(KINDS.map((k) => [k, compareRankings(a[k], [])])) : null),
    [a],
  );
  return (
    <Card
      size="small"
      data-testid="live-ranking"
      title={t("assess.live", { date: overview.data?.statusDate ?? "" })}
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t("assess.liveIntro")}
      </Typography.Paragraph>
      <QueryState query={overview}>
        {(o) => (
          <Tabs
            activeKey={tab}
            onChange={(k) => setTab(k as RankingKind)}
            items={KINDS.map((k) => ({
              key: k,
              label: t(`assess.${k}`),
              children: (
                <AssessmentRankingTable
                  rows={rows?.[k] ?? []}
                  entities={o.assessment[k]}
                  weights={o.assessment.weights}
                  comparing={false}
                  linkTaskForces={k === "taskForces"}
                  label={`${t("assess.live", { date: o.statusDate })} · ${t(`assess.${k}`)}`}
                />
              ),
            }))}
          />
        )}
      </QueryState>
    </Card>
  );
}
