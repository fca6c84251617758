import { Badge, Button, Card, List, Space, Switch, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { WriteError } from "../components/ConflictAlert";
import { QueryState } from "../components/QueryState";
import { messageText } from "../features/chasing/message-text";
import { useInbox, useMarkRead } from "../features/chasing/use-chasing";
import { useSettings } from "../hooks/use-data";

/** The caller's inbox: 催办 and other messages, unread first marked, with links to what they are about. */
export function InboxPage() {
  const { t, i18n } = useTranslation();
  const [unread, setUnread] = useState(false);
  const [page, setPage] = useState(1);
  const q = useInbox(unread, page);
  const mark = useMarkRead();
  // Instants in the organisation's time zone (the one its status date turns in), not the browser's.
  const rule = useSettings().data?.statusDate;
  const timeZone = (rule?.rule === "today" && rule.timeZone) || "Asia/Shanghai";
  return (
    <Card
      title={t("chase.inboxTitle")}
      extra={
        <Space>
          <Switch
            checked={unread}
            onChange={(v) => {
              setUnread(v);
              setPage(1);
            }}
            checkedChildren={t("chase.unreadOnly")}
            unCheckedChildren={t("chase.unreadOnly")}
          />
          <Button
            data-testid="mark-all-read"
            disabled={!q.data?.unread}
            loading={mark.isPending}
            onClick={() => mark.mutate({ all: true })}
          >
            {t("chase.markAllRead")}
          </Button>
        </Space>
      }
    >
      <WriteError error={mark.error} />
      <QueryState query={q}>
        {(data) => (
          <List
            data-testid="inbox-list"
            // antd draws a list's empty text in its disabled grey (1.8:1); secondary text reads.
            locale={{ emptyText: <Typography.Text type="secondary">{t("chase.empty")}</Typography.Text> }}
            dataSource={data.items}
            pagination={{ current: page, pageSize: 30, total: data.total, onChange: setPage }}
            renderItem={(m) => (
              <List.Item
                data-message-kind={m.kind}
                data-read={m.readAt ? "yes" : "no"}
                actions={[
                  m.taskForceId ? (
                    <Link
                      key="open"
                      to={`/task-forces/${m.taskForceId}${m.subjectKind === "task" && m.subjectId ? `?task=${m.subjectId}` : ""}`}
                      onClick={() => (m.readAt ? undefined : mark.mutate({ ids: [m.id] }))}
                    >
                      {t("chase.open")}
                    </Link>
                  ) : null,
                  m.readAt ? null : (
                    <Button key="read" size="small" type="link" onClick={() => mark.mutate({ ids: [m.id] })}>
                      {t("chase.markRead")}
                    </Button>
                  ),
                ]}
              >
                <List.Item.Meta
                  avatar={<Badge status={m.readAt ? "default" : "processing"} />}
                  title={
                    <Typography.Text strong={!m.readAt}>
                      {messageText(m, i18n.language).title}
                    </Typography.Text>
                  }
                  description={
                    <>
                      <div>{messageText(m, i18n.language).detail}</div>
                      <div>{new Date(m.createdAt).toLocaleString(i18n.language, { timeZone })}</div>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </QueryState>
    </Card>
  );
}
