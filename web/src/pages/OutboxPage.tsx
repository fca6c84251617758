import { RedoOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Segmented, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { OutboxEntry } from "../../../src/shared/api/outbox";
import { WriteError } from "../components/ConflictAlert";
import { QueryState } from "../components/QueryState";
import { localMinute } from "../features/comments/comment-view";
import { type OutboxState, useOutbox, useRetryDelivery } from "../features/outbox/use-outbox";
import { useCan } from "../hooks/use-can";

const STATES: readonly OutboxState[] = ["dead", "pending", "sent"];
const PAGE = 20;

/** 投递记录: webhook and e-mail deliveries by state; an admin sends a dead one again (重试). */
export function OutboxPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [state, setState] = useState<OutboxState>("dead");
  const [page, setPage] = useState(1);
  const list = useOutbox(state, page, PAGE);
  const retry = useRetryDelivery();
  const columns = [
    { title: t("outbox.createdAt"), dataIndex: "createdAt", width: 150, render: localMinute },
    {
      title: t("outbox.channel"),
      dataIndex: "channel",
      width: 90,
      render: (c: OutboxEntry["channel"]) => <Tag>{t(`outbox.channels.${c}`)}</Tag>,
    },
    {
      title: t("outbox.message"),
      key: "message",
      render: (e: OutboxEntry) =>
        `${t(`outbox.kinds.${e.kind}`, { defaultValue: t("outbox.kinds.other") })} · ${e.personName}`,
    },
    { title: t("outbox.target"), dataIndex: "target", ellipsis: true },
    { title: t("outbox.attempts"), dataIndex: "attempts", width: 90 },
    {
      title: state === "sent" ? t("outbox.sentAt") : t("outbox.lastError"),
      key: "outcome",
      render: (e: OutboxEntry) =>
        state === "sent" ? (
          localMinute(e.sentAt ?? "")
        ) : (
          <Typography.Text type={e.lastError ? "danger" : "secondary"} data-testid="outbox-error">
            {e.lastError ?? t("outbox.noError")}
          </Typography.Text>
        ),
    },
    ...(state === "dead" && can.rule("outbox:retry")
      ? [
          {
            title: t("outbox.action"),
            key: "retry",
            width: 100,
            render: (e: OutboxEntry) => (
              <Button
                size="small"
                icon={<RedoOutlined />}
                loading={retry.isPending && retry.variables === e.id}
                onClick={() => retry.mutate(e.id)}
                data-testid={`retry-${e.id}`}
              >
                {t("outbox.retry")}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card
      title={t("outbox.title")}
      extra={
        <Segmented
          aria-label={t("outbox.state")}
          value={state}
          onChange={(v) => {
            setState(v);
            setPage(1);
          }}
          options={STATES.map((s) => ({ value: s, label: t(`outbox.states.${s}`) }))}
        />
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t("outbox.intro")}
      </Typography.Paragraph>
      <WriteError error={retry.error} />
      {retry.isSuccess ? <Alert type="success" showIcon title={t("outbox.retried")} /> : null}
      <QueryState query={list}>
        {(data) => (
          <Table<OutboxEntry>
            rowKey="id"
            size="small"
            data-testid="outbox-table"
            columns={columns}
            dataSource={data.items}
            locale={{ emptyText: t(`outbox.none.${state}`) }}
            pagination={{
              current: page,
              pageSize: PAGE,
              total: data.total,
              onChange: setPage,
              showSizeChanger: false,
            }}
          />
        )}
      </QueryState>
    </Card>
  );
}
