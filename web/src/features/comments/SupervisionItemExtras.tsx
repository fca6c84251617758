import { CommentOutlined, PrinterOutlined, RiseOutlined } from "@ant-design/icons";
import { Button, Descriptions, Drawer, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { SupervisionItem } from "../../api/types";
import { ChaseButton } from "../chasing/ChaseButton";
import { TimelineSection } from "../timeline/TimelineSection";
import { CommentForm } from "./CommentForm";
import { CommentThread } from "./CommentThread";
import { commentsFor } from "./comment-view";
import { EscalateForm } from "./EscalateForm";
import { useTaskForceComments } from "./use-comments";

/** The 已提级 mark of an escalated item: icon, words and date (never colour alone). */
export function EscalatedTag({ item }: { item: SupervisionItem }) {
  const { t } = useTranslation();
  if (!item.escalatedOn) return null;
  return (
    <Tag color="magenta" icon={<RiseOutlined />} data-escalated={item.code}>
      {t("cmt.escalated")} {item.escalatedOn}
    </Tag>
  );
}

/**
 * A supervision item's leader pieces for its table row: the escalation mark, and a button opening
 * its comments (批示) with the escalation form (提级督办) for those allowed.
 */
export function SupervisionItemExtras({ item }: { item: SupervisionItem }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const q = useTaskForceComments(item.taskForceId);
  const target = { kind: "item", supervisionItemId: item.id } as const;
  const comments = commentsFor(q.data?.items ?? [], target);
  return (
    <Space size={4} wrap>
      <EscalatedTag item={item} />
      <Link to={`/print/supervision-items/${encodeURIComponent(item.id)}`} data-print-notice={item.code}>
        <Button
          size="small"
          icon={<PrinterOutlined />}
          aria-label={`${t("print.printNotice")} ${item.code}`}
        />
      </Link>
      <ChaseButton
        subject={{
          kind: "supervisionItem",
          id: item.id,
          code: item.code,
          title: item.issue,
          ownerId: item.responsiblePersonId,
          closed: item.state === "submitted" || item.state === "verified",
        }}
      />
      <Button
        size="small"
        icon={<CommentOutlined />}
        data-item-comments={item.code}
        aria-label={`${t("cmt.title")} ${item.code} (${comments.length})`}
        onClick={() => setOpen(true)}
      >
        {t("cmt.title")} {comments.length || ""}
      </Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={`${t("cmt.itemTitle")} · ${item.code}`}
        size={520}
        destroyOnHidden
      >
        <Descriptions
          size="small"
          column={1}
          bordered
          style={{ marginBottom: 12 }}
          styles={{ label: { width: 96, whiteSpace: "nowrap" } }}
        >
          <Descriptions.Item label={t("sup.issue")}>{item.issue}</Descriptions.Item>
          <Descriptions.Item label={t("sup.state")}>
            <span data-testid="drawer-state">{t(`states.${item.state}`)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t("cmt.level")}>
            <span data-testid="drawer-level">
              {item.escalatedOn
                ? t("cmt.escalatedBy", { date: item.escalatedOn, by: item.escalatedBy ?? "" })
                : t("cmt.normal")}
            </span>
          </Descriptions.Item>
          {item.lastNote ? (
            <Descriptions.Item label={t("sup.note")}>{item.lastNote}</Descriptions.Item>
          ) : null}
        </Descriptions>
        <EscalateForm item={item} />
        <Typography.Title level={5}>{t("cmt.title")}</Typography.Title>
        <CommentForm taskForceId={item.taskForceId} target={target} />
        <CommentThread comments={comments} />
        <Typography.Title level={5}>{t("tl.title")}</Typography.Title>
        <TimelineSection kind="supervisionItem" id={item.id} />
      </Drawer>
    </Space>
  );
}
