import { Button, Card, Flex, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Indicator, Task } from "../../api/types";
import { LightTag } from "../../components/LightTag";
import { useCan } from "../../hooks/use-can";
import { useNames } from "../../hooks/use-data";
import { CompletionTag } from "../completion/CompletionStatus";
import type { ExtensionRequest } from "../extensions/api";
import { ExtensionCell } from "../extensions/ExtensionCell";
import { LatestActual, MonthTag, StandingTags } from "../reporting/IndicatorStanding";
import { useIndicatorStandings } from "../reporting/use-indicator-status";
import type { useMyWork } from "../reporting/use-my-work";
import { byUrgency } from "./card-order";
import { DraftBadge } from "./DraftBadge";

/** Props of {@link TaskCards}. */
export interface TaskCardsProps {
  readonly tasks: readonly Task[];
  readonly lights: ReturnType<typeof useMyWork>["taskLights"];
  readonly pendingExtensions: ReadonlyMap<string, ExtensionRequest>;
  readonly onReport: (task: Task) => void;
  readonly onExtend: (task: Task) => void;
}

/**
 * 我负责的任务 on a phone: one card per task, worst light first, with its light, percent, deadline and
 * 填报进展 (a plain button on finished tasks, so the work still to report stands out).
 */
export function TaskCards(props: TaskCardsProps) {
  const { t } = useTranslation();
  const can = useCan();
  const names = useNames();
  return (
    <div className="phone-cards" data-testid="my-task-cards">
      {byUrgency(props.tasks, (id) => props.lights[id]?.color).map((r) => {
        const light = props.lights[r.id];
        return (
          <Card key={r.id} size="small" data-task-card={r.code}>
            <Flex justify="space-between" align="start" gap={8}>
              <Link to={`/task-forces/${r.taskForceId}?tab=tasks&task=${r.id}`}>
                <Typography.Text strong>{r.code}</Typography.Text> {r.title}
              </Link>
              <DraftBadge taskId={r.id} />
            </Flex>
            <Typography.Text type="secondary">{names.taskForce(r.taskForceId)}</Typography.Text>
            <Flex wrap gap={8} align="center">
              {light ? <LightTag color={light.color} reasons={light.reasons} /> : null}
              <span>
                {t("task.percent")} {r.percent}%
              </span>
              <CompletionTag task={r} />
              <span>{t("phone.deadline", { date: r.deadline ?? "—" })}</span>
            </Flex>
            <ExtensionCell task={r} pending={props.pendingExtensions.get(r.id)} onRequest={props.onExtend} />
            {can.reportProgress(r) ? (
              <Button
                block
                type={light?.color === "blue" ? "default" : "primary"}
                className="tap"
                data-report-task={r.code}
                onClick={() => props.onReport(r)}
              >
                {t("report.new")}
              </Button>
            ) : null}
          </Card>
        );
      })}
    </div>
  );
}

/**
 * 我负责的指标 on a phone: one card per indicator, with its target, latest actual, light, trend,
 * whether this month is reported, and 填报实际值.
 */
export function IndicatorCards(props: {
  indicators: readonly Indicator[];
  onReport: (i: Indicator) => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const names = useNames();
  const standings = useIndicatorStandings();
  return (
    <div className="phone-cards" data-testid="my-indicator-cards">
      {props.indicators.map((r) => (
        <Card key={r.id} size="small" data-indicator-card={r.code}>
          <Typography.Text strong>
            {r.code} {r.name}
          </Typography.Text>
          <Typography.Text type="secondary">{names.taskForce(r.taskForceId)}</Typography.Text>
          <span>{t("phone.target", { value: `${r.target}${r.unit}` })}</span>
          <span>
            {t("myInd.latest")}：<LatestActual ind={r} standing={standings.of(r.id)} />
          </span>
          <Flex wrap gap={8} align="center">
            <StandingTags standing={standings.of(r.id)} />
            <MonthTag standing={standings.of(r.id)} month={standings.month} />
          </Flex>
          {can.reportReading(r) ? (
            <Button block className="tap" data-report-indicator={r.code} onClick={() => props.onReport(r)}>
              {t("ind.report")}
            </Button>
          ) : null}
        </Card>
      ))}
    </div>
  );
}
