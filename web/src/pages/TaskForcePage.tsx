import { Space, Tabs, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import type { Task } from "../api/types";
import { LightTag } from "../components/LightTag";
import { QueryState } from "../components/QueryState";
import { AnswerSheetButton } from "../features/answer-sheet/AnswerSheetButton";
import { HistoryPanel } from "../features/audit/HistoryPanel";
import { ChasesPanel } from "../features/chasing/ChasesPanel";
import { CommentsPanel } from "../features/comments/CommentsPanel";
import { ClaimedQueue } from "../features/completion/ClaimedQueue";
import { TaskForceExtensions } from "../features/extensions/TaskForceExtensions";
import { ProgressReportModal } from "../features/reporting/ProgressReportModal";
import { SupervisionTable } from "../features/reporting/SupervisionTable";
import { IndicatorsPanel } from "../features/task-force/IndicatorsPanel";
import { MembersPanel } from "../features/task-force/MembersPanel";
import { ReportsPanel } from "../features/task-force/ReportsPanel";
import { ResponsibilityMatrix } from "../features/task-force/ResponsibilityMatrix";
import { TaskBook } from "../features/task-force/TaskBook";
import { TaskTable } from "../features/task-force/TaskTable";
import { useTaskForceModel } from "../features/task-force/use-task-force-model";
import { TaskTimelinePanel } from "../features/timeline/TaskTimelinePanel";
import { useCan } from "../hooks/use-can";
import { useOverviewSummary } from "../hooks/use-data";

/** The task-force workspace: task book, WBS, matrix, indicators, reports, supervision. */
export function TaskForcePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const { full, names, model } = useTaskForceModel(id);
  const overview = useOverviewSummary();
  const [reporting, setReporting] = useState<Task | null>(null);
  const tab = params.get("tab") ?? "tasks";
  const can = useCan();
  return (
    <QueryState query={full}>
      {(f) => (
        <>
          <Space className="no-print" align="center" wrap style={{ marginBottom: 8 }}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {f.taskForce.code} {f.taskForce.name}
            </Typography.Title>
            {model?.tfLight ? <LightTag color={model.tfLight.color} reasons={model.tfLight.reasons} /> : null}
            <Link to="/battle-map">{t("nav.battleMap")}</Link>
            <AnswerSheetButton taskForceId={id} />
          </Space>
          <Tabs
            activeKey={tab}
            onChange={(k) => setParams({ tab: k })}
            items={[
              {
                key: "tasks",
                label: t("tf.tasks"),
                children: model ? (
                  <>
                    <ClaimedQueue taskForceId={id} />
                    <TaskTable
                      taskForceId={id}
                      full={f}
                      rows={model.rows}
                      lights={model.lights}
                      names={names}
                      highlight={params.get("task")}
                      onReport={setReporting}
                      onFocusTask={(task) => setParams({ tab: "tasks", task })}
                    />
                  </>
                ) : null,
              },
              {
                key: "book",
                label: t("tf.book"),
                children: model ? (
                  <TaskBook full={f} names={names} goals={overview.data?.goals ?? []} />
                ) : null,
              },
              {
                key: "matrix",
                label: t("tf.matrix"),
                children: model ? (
                  <ResponsibilityMatrix
                    members={f.members}
                    rows={model.rows}
                    lights={model.lights}
                    names={names}
                  />
                ) : null,
              },
              {
                key: "members",
                label: t("plan.members"),
                children: <MembersPanel full={f} />,
              },
              {
                key: "indicators",
                label: t("tf.indicators"),
                children: <IndicatorsPanel full={f} />,
              },
              {
                key: "reports",
                label: t("tf.reports"),
                children: (
                  <ReportsPanel
                    filter={{ taskForceId: id }}
                    taskCode={(tid) => f.tasks.find((x) => x.id === tid)?.code ?? tid}
                    mayCorrect={(tid) => {
                      const task = f.tasks.find((x) => x.id === tid);
                      return !!task && can.reportProgress(task);
                    }}
                  />
                ),
              },
              {
                key: "supervision",
                label: t("tf.supervision"),
                children: <SupervisionTable items={f.supervisionItems} />,
              },
              {
                key: "chases",
                label: t("chase.records"),
                children: <ChasesPanel taskForceId={id} />,
              },
              {
                key: "extensions",
                label: t("ext.tab"),
                children: <TaskForceExtensions taskForceId={id} />,
              },
              {
                key: "comments",
                label: t("cmt.tab"),
                children: <CommentsPanel full={f} initialTaskId={params.get("task")} />,
              },
              {
                key: "timeline",
                label: t("tl.tab"),
                children: <TaskTimelinePanel full={f} initial={params.get("task")} />,
              },
              ...(can.rule("audit-entries:read")
                ? [
                    {
                      key: "history",
                      label: t("audit.tab"),
                      children: <HistoryPanel full={f} initial={params.get("task")} />,
                    },
                  ]
                : []),
            ]}
          />
          <ProgressReportModal task={reporting} onClose={() => setReporting(null)} />
        </>
      )}
    </QueryState>
  );
}
