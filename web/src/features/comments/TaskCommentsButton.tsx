import { CommentOutlined } from "@ant-design/icons";
import { Button, Drawer } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CommentForm } from "./CommentForm";
import { CommentThread } from "./CommentThread";
import { commentsFor } from "./comment-view";
import { useTaskForceComments } from "./use-comments";

/** A task row's 批示 button (with the count) opening the task's comments and the box to add one. */
export function TaskCommentsButton({
  task,
}: {
  task: { id: string; taskForceId: string; code: string; title: string };
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const q = useTaskForceComments(task.taskForceId);
  const target = { kind: "task", taskId: task.id } as const;
  const comments = commentsFor(q.data?.items ?? [], target);
  return (
    <>
      <Button
        size="small"
        type={comments.length ? "link" : "text"}
        icon={<CommentOutlined />}
        data-comments-task={task.code}
        aria-label={`${t("cmt.title")} ${task.code} (${comments.length})`}
        onClick={() => setOpen(true)}
      >
        {comments.length || ""}
      </Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={`${t("cmt.title")} · ${task.code} ${task.title}`}
        size={480}
        destroyOnHidden
      >
        <CommentForm taskForceId={task.taskForceId} target={target} />
        <CommentThread comments={comments} />
      </Drawer>
    </>
  );
}
