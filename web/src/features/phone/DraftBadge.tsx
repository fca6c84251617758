import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import { useReportDrafts } from "./use-report-drafts";

const COLOR = { editing: "default", waiting: "orange", refused: "red" } as const;

/** The state of a task's progress-report draft on this device: 草稿, 待发送 or 发送被拒; nothing without one. */
export function DraftBadge({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const draft = useReportDrafts().book[taskId];
  if (!draft) return null;
  const word = { editing: t("phone.draft"), waiting: t("phone.waiting"), refused: t("phone.refused") }[
    draft.state
  ];
  return (
    <Tag color={COLOR[draft.state]} data-draft-state={draft.state} style={{ marginInlineEnd: 0 }}>
      {word}
    </Tag>
  );
}
