import { Button, Card, Empty, Space, Table } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Indicator, Task } from "../api/types";
import { LightTag } from "../components/LightTag";
import { QueryState } from "../components/QueryState";
import { ClaimedQueue } from "../features/completion/ClaimedQueue";
import { CompletionTag } from "../features/completion/CompletionStatus";
import { ExtensionCell } from "../features/extensions/ExtensionCell";
import { ExtensionRequestModal } from "../features/extensions/ExtensionRequestModal";
import { usePendingExtensions } from "../features/extensions/use-extensions";
import { DraftBadge } from "../features/phone/DraftBadge";
import { IndicatorCards, TaskCards } from "../features/phone/TaskCards";
import { MyIndicatorsTable } from "../features/reporting/MyIndicatorsTable";
import { ProgressReportModal } from "../features/reporting/ProgressReportModal";
import { ReadingModal } from "../features/reporting/ReadingModal";
import { SupervisionTable } from "../features/reporting/SupervisionTable";
import { useMyWork } from "../features/reporting/use-my-work";
import { useCan } from "../hooks/use-can";
import { useNames } from "../hooks/use-data";
import { useIsPhone } from "../hooks/use-is-phone";

/** 我的任务: an owner reports progress and actuals and answers supervision items; cards on a phone. */
export function MyTasksPage() {
  const { t } = useTranslation();
  const can = useCan();
  const names = useNames();
  const w = useMyWork();
  const [task, setTask] = useState<Task | null>(null);
  const [ind, setInd] = useState<Indicator | null>(null);
  const [extending, setExtending] = useState<Task | null>(null);
  const pendingExtensions = usePendingExtensions(!!w.personId);
  const phone = useIsPhone();
  if (!w.personId) return <Empty description={t("my.none")} />;
  return (
    <>
      <ClaimedQueue />
      <Card size={phone ? "small" : undefined} title={t("my.tasks")} style={{ marginBottom: 16 }}>
        <QueryState query={w.tasks} isEmpty={(p) => p.items.length === 0}>
          {(p) =>
            phone ? (
              <TaskCards
                tasks={p.items}
                lights={w.taskLights}
                pendingExtensions={pendingExtensions}
                onReport={setTask}
                onExtend={setExtending}
              />
            ) : (
              <Table<Task>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={p.items}
                data-testid="my-tasks"
                columns={[
                  { title: t("task.wbs"), dataIndex: "code", width: 90 },
                  {
                    title: t("task.title"),
                    render: (_, r) => (
                      <Link to={`/task-forces/${r.taskForceId}?tab=tasks&task=${r.id}`}>{r.title}</Link>
                    ),
                  },
                  {
                    title: t("overview.taskForce"),
                    width: 180,
                    render: (_, r) => names.taskForce(r.taskForceId),
                  },
                  {
                    title: t("overview.light"),
                    width: 110,
                    render: (_, r) => {
                      const l = w.taskLights[r.id];
                      return l ? <LightTag color={l.color} reasons={l.reasons} /> : null;
                    },
                  },
                  {
                    title: t("task.percent"),
                    width: 130,
                    render: (_, r) => (
                      <>
                        {r.percent}% <CompletionTag task={r} />
                      </>
                    ),
                  },
                  { title: t("task.deadline"), dataIndex: "deadline", width: 110 },
                  {
                    title: t("ext.tab"),
                    width: 200,
                    render: (_, r) => (
                      <ExtensionCell
                        task={r}
                        pending={pendingExtensions.get(r.id)}
                        onRequest={setExtending}
                      />
                    ),
                  },
                  {
                    title: "",
                    width: 130,
                    render: (_, r) => (
                      <Space size={4} wrap>
                        {can.reportProgress(r) ? (
                          <Button
                            size="small"
                            type="primary"
                            data-report-task={r.code}
                            onClick={() => setTask(r)}
                          >
                            {t("report.new")}
                          </Button>
                        ) : null}
                        <DraftBadge taskId={r.id} />
                      </Space>
                    ),
                  },
                ]}
              />
            )
          }
        </QueryState>
      </Card>
      <Card size={phone ? "small" : undefined} title={t("my.indicators")} style={{ marginBottom: 16 }}>
        <QueryState query={w.indicators} isEmpty={(p) => p.items.length === 0}>
          {(p) =>
            phone ? (
              <IndicatorCards indicators={p.items} onReport={setInd} />
            ) : (
              <MyIndicatorsTable indicators={p.items} onReport={setInd} />
            )
          }
        </QueryState>
      </Card>
      <Card size={phone ? "small" : undefined} title={t("my.items")}>
        <QueryState query={w.items} isEmpty={(p) => p.items.length === 0}>
          {(p) => <SupervisionTable items={p.items} showTaskForce />}
        </QueryState>
      </Card>
      <ProgressReportModal task={task} onClose={() => setTask(null)} />
      <ReadingModal indicator={ind} onClose={() => setInd(null)} />
      <ExtensionRequestModal task={extending} onClose={() => setExtending(null)} />
    </>
  );
}
