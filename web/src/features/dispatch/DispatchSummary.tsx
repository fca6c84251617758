import { Card, Descriptions, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { DispatchReport } from "../../api/types";
import { LightCountsBar } from "../overview/LightCountsBar";

type Summary = DispatchReport["total"];

/** The counts of a report or a task force: task lights, then what happened in the round. */
export function DispatchSummary({
  summary,
  testId,
  explain = false,
}: {
  summary: Summary;
  testId: string;
  /** Say under the counts how 任务亮灯 and 红灯任务 differ (once per report). */
  explain?: boolean;
}) {
  const { t } = useTranslation();
  const n = (key: string, value: number) => ({
    key,
    label: t(`dispatch.${key}`),
    children: <span data-testid={`${testId}-${key}`}>{value}</span>,
  });
  const s = summary.supervision;
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, md: 4 }}
        bordered
        items={[
          {
            key: "lights",
            label: t("dispatch.taskLights"),
            span: "filled",
            children: <LightCountsBar counts={summary.taskCounts} />,
          },
          n("completed", summary.completed),
          n("overdue", summary.overdue),
          n("due", summary.due),
          n("noReport", summary.noReport),
          n("red", summary.red),
          n("yellow", summary.yellow),
          n("supRaised", s.raised),
          n("supSubmitted", s.submitted),
          n("supVerified", s.verified),
          n("supOverdue", s.overdue),
          {
            key: "indicatorsReported",
            label: t("dispatch.indicatorsReported"),
            children: (
              <span data-testid={`${testId}-indicatorsReported`}>
                {summary.indicatorsReported} / {summary.indicators}
              </span>
            ),
          },
        ]}
      />
      {/* 任务亮灯 counts summaries lit by their children; 红灯任务 only tasks with reasons of their own. */}
      {explain && (
        <Typography.Paragraph type="secondary" data-testid={`${testId}-countsNote`} style={{ marginTop: 8 }}>
          {t("dispatch.countsNote")}
        </Typography.Paragraph>
      )}
    </>
  );
}

/** 层层衔接: indicators split into shares, each with the shares that pull it down, worst first. */
export function CascadeDrags({ drags, lang }: { drags: DispatchReport["cascade"]; lang: "zh" | "en" }) {
  const { t } = useTranslation();
  if (drags.length === 0) return null;
  return (
    <Card size="small" title={t("dispatch.cascade")} className="dispatch-section">
      <ul data-testid="dispatch-cascade" style={{ margin: 0, paddingInlineStart: 20 }}>
        {drags.map((d) => (
          <li key={d.indicatorId}>
            <Link to={`/indicators/${encodeURIComponent(d.indicatorId)}/cascade`}>{d.text[lang]}</Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** The key points (要点), worst first, as a numbered list in the UI language. */
export function KeyPoints({ points, lang }: { points: DispatchReport["keyPoints"]; lang: "zh" | "en" }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t("dispatch.keyPoints")} className="dispatch-section">
      {points.length === 0 ? (
        t("dispatch.noKeyPoints")
      ) : (
        <ol
          className="key-points"
          data-testid="dispatch-key-points"
          style={{ margin: 0, paddingInlineStart: 20 }}
        >
          {points.map((p) => (
            <li key={`${p.kind}-${p.refId}`}>{p.text[lang]}</li>
          ))}
        </ol>
      )}
    </Card>
  );
}
