import { Card } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Comment, TaskForceFull } from "../../api/types";
import { QueryState } from "../../components/QueryState";
import { CommentForm } from "./CommentForm";
import { CommentThread } from "./CommentThread";
import { commentsFor, keyOfComment } from "./comment-view";
import { useTaskForceComments } from "./use-comments";

/**
 * The task force's comments (批示) tab: every comment on it, its tasks and supervision items, and
 * the box to add one on any of them (`initialTaskId` pre-selects a task, e.g. from `?task=`).
 */
export function CommentsPanel({
  full,
  initialTaskId,
}: {
  full: TaskForceFull;
  initialTaskId?: string | null;
}) {
  const { t } = useTranslation();
  const tf = full.taskForce;
  const q = useTaskForceComments(tf.id);
  const targets = useMemo(
    () => [
      { value: "tf", label: `${t("cmt.onTaskForce")} ${tf.code} ${tf.name}` },
      ...full.tasks.map((x) => ({ value: `task:${x.id}`, label: `${t("cmt.onTask")} ${x.code} ${x.title}` })),
      ...full.supervisionItems.map((s) => ({ value: `item:${s.id}`, label: `${t("cmt.onItem")} ${s.code}` })),
    ],
    [full, t, tf],
  );
  const labelOf = useMemo(() => {
    const m = new Map(targets.map((o) => [o.value, o.label]));
    return (c: Comment) => (keyOfComment(c) === "tf" ? null : (m.get(keyOfComment(c)) ?? null));
  }, [targets]);
  const initial =
    initialTaskId && full.tasks.some((x) => x.id === initialTaskId) ? `task:${initialTaskId}` : "tf";
  return (
    <Card size="small">
      <CommentForm
        key={initial}
        taskForceId={tf.id}
        target={{ kind: "task-force" }}
        targets={targets}
        initialTargetKey={initial}
      />
      <QueryState query={q}>
        {(p) => (
          <CommentThread comments={commentsFor(p.items, { kind: "task-force" })} targetLabel={labelOf} />
        )}
      </QueryState>
    </Card>
  );
}
