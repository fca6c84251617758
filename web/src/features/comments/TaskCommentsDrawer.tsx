import { Drawer } from "antd";
import { useTranslation } from "react-i18next";
import { CommentForm } from "./CommentForm";
import { CommentThread } from "./CommentThread";
import { commentsFor } from "./comment-view";
import { useTaskForceComments } from "./use-comments";

/** What a task's comments drawer names and reads by. */
export type CommentedTask = { id: string; taskForceId: string; code: string; title: string };

/** A task's comments (批示) in a drawer, with the box to add one (opened from the WBS row's menu). */
export function TaskCommentsDrawer(props: { task: CommentedTask; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { task } = props;
  const q = useTaskForceComments(task.taskForceId);
  const target = { kind: "task", taskId: task.id } as const;
  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      title={`${t("cmt.title")} · ${task.code} ${task.title}`}
      size={480}
      destroyOnHidden
    >
      <CommentForm taskForceId={task.taskForceId} target={target} />
      <CommentThread comments={commentsFor(q.data?.items ?? [], target)} />
    </Drawer>
  );
}
