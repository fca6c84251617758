import { Alert, Button, Card, Table } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Task } from "../../api/types";
import { useNames } from "../../hooks/use-data";
import { useIsPhone } from "../../hooks/use-is-phone";
import { ClaimedCards } from "../phone/ClaimedCards";
import { CompletionReviewModal } from "./CompletionReviewModal";
import { useClaimedTasks, useMayReview } from "./use-completion";

/**
 * Completions awaiting review (待确认完成) that the signed-in user may confirm or send back: of one
 * task force, or of every task force they read. Shows nothing when there are none.
 */
export function ClaimedQueue({ taskForceId }: { taskForceId?: string }) {
  const { t } = useTranslation();
  const names = useNames();
  const may = useMayReview();
  const q = useClaimedTasks(taskForceId ? { taskForceId } : {});
  const [reviewing, setReviewing] = useState<Task | null>(null);
  const phone = useIsPhone();
  const mine = (q.data?.items ?? []).filter((x) => may(x, "confirm") || may(x, "return"));
  if (mine.length === 0) return null;
  return (
    <Card
      size="small"
      title={`${t("cpl.queue")}（${mine.length}）`}
      style={{ marginBottom: 12 }}
      data-testid="claimed-queue"
    >
      <Alert type="info" showIcon title={t("cpl.queueIntro")} style={{ marginBottom: 8 }} />
      {phone ? <ClaimedCards tasks={mine} onReview={setReviewing} /> : null}
      <Table<Task>
        style={phone ? { display: "none" } : undefined}
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={mine}
        columns={[
          { title: t("task.wbs"), dataIndex: "code", width: 90 },
          {
            title: t("task.title"),
            render: (_, r) => (
              <Link to={`/task-forces/${r.taskForceId}?tab=tasks&task=${r.id}`}>{r.title}</Link>
            ),
          },
          ...(taskForceId
            ? []
            : [
                {
                  title: t("cpl.taskForce"),
                  width: 180,
                  render: (_: unknown, r: Task) => names.taskForce(r.taskForceId),
                },
              ]),
          { title: t("cpl.owner"), width: 100, render: (_, r) => names.person(r.responsiblePersonId) },
          { title: t("cpl.claimedOn"), dataIndex: "actualFinish", width: 120 },
          { title: t("cpl.deadline"), dataIndex: "deadline", width: 110 },
          {
            title: "",
            width: 90,
            render: (_, r) => (
              <Button size="small" type="primary" data-review-task={r.code} onClick={() => setReviewing(r)}>
                {t("cpl.review")}
              </Button>
            ),
          },
        ]}
      />
      <CompletionReviewModal task={reviewing} onClose={() => setReviewing(null)} />
    </Card>
  );
}
