import { Button, Space, Tag, Tooltip } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Task } from "../../api/types";
import { CompletionReviewModal } from "./CompletionReviewModal";
import { completionView } from "./completion-access";
import { useMayReview } from "./use-completion";

/** A task's completion review as a tag: 待确认 (claimed) or 已退回 (sent back, the reason on hover). */
export function CompletionTag({ task }: { task: Task }) {
  const { t } = useTranslation();
  const v = completionView(task);
  if (!v) return null;
  return v.kind === "claimed" ? (
    <Tooltip title={t("cpl.claimedHint", { date: v.date ?? "" })}>
      <Tag color="orange" data-completion="claimed" style={{ borderStyle: "dashed" }}>
        {t("cpl.claimed")}
      </Tag>
    </Tooltip>
  ) : (
    <Tooltip title={t("cpl.returnedHint", { reason: v.reason })}>
      <Tag color="red" data-completion="returned">
        {t("cpl.returned")}
      </Tag>
    </Tooltip>
  );
}

/**
 * A task's status for tables: 待确认 in place of 已完成 while its completion awaits review, with a
 * 审核 button for who may review it; otherwise the status word and, after a send-back, 已退回.
 */
export function CompletionStatus({ task, review = true }: { task: Task; review?: boolean }) {
  const { t } = useTranslation();
  const may = useMayReview();
  const [open, setOpen] = useState(false);
  const v = completionView(task);
  const reviewer = review && v?.kind === "claimed" && (may(task, "confirm") || may(task, "return"));
  return (
    <Space size={4} wrap>
      {v?.kind === "claimed" ? null : <span>{t(`status.${task.status}`)}</span>}
      <CompletionTag task={task} />
      {reviewer ? (
        <Button size="small" type="link" data-review-task={task.code} onClick={() => setOpen(true)}>
          {t("cpl.review")}
        </Button>
      ) : null}
      {reviewer ? <CompletionReviewModal task={open ? task : null} onClose={() => setOpen(false)} /> : null}
    </Space>
  );
}
