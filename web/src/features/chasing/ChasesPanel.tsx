import { Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Chase } from "./api";
import { useChases } from "./use-chasing";

/** A task force's 催办 records, newest first: about what, to whom, by whom, why, read and answered. */
export function ChasesPanel({ taskForceId }: { taskForceId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const q = useChases({ taskForceId, limit: 50, offset: (page - 1) * 50 });
  return (
    <Table<Chase>
      rowKey="id"
      size="small"
      data-testid="chases-table"
      loading={q.isLoading}
      dataSource={q.data?.items ?? []}
      pagination={{
        current: page,
        pageSize: 50,
        total: q.data?.total ?? 0,
        onChange: setPage,
        showSizeChanger: false,
      }}
      columns={[
        { title: t("chase.day"), dataIndex: "day", width: 110 },
        { title: t("chase.about"), render: (_, c) => `${c.subjectCode} ${c.subjectTitle}` },
        { title: t("chase.rule"), width: 130, render: (_, c) => t(`chase.rules.${c.rule}`) },
        {
          title: t("chase.to"),
          width: 160,
          render: (_, c) => `${c.recipientName}（${t(`chase.levels.${c.level}`)}）`,
        },
        {
          title: t("chase.by"),
          width: 200,
          render: (_, c) =>
            c.sender === "system" ? t("chase.system") : `${c.senderName}${c.reason ? `：${c.reason}` : ""}`,
        },
        {
          title: t("chase.readAt"),
          width: 70,
          render: (_, c) => (c.readAt ? t("chase.readAt") : t("chase.notRead")),
        },
        {
          title: t("chase.state"),
          width: 150,
          render: (_, c) =>
            c.answeredDay ? (
              <Tag color="green">{t("chase.answered", { day: c.answeredDay })}</Tag>
            ) : (
              <Tag color="red">{t("chase.notAnswered")}</Tag>
            ),
        },
      ]}
    />
  );
}
