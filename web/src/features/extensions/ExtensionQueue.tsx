import { Button, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QueryState } from "../../components/QueryState";
import { useNames } from "../../hooks/use-data";
import { useSession } from "../../hooks/use-session";
import { useDayOfInstant } from "../../hooks/use-status-date";
import type { ExtensionRequest } from "./api";
import { ExtensionDecisionModal } from "./ExtensionDecisionModal";
import { mayDecideExtension } from "./extension-access";
import { useExtensionRequests } from "./use-extensions";

const STATE_COLOR = { pending: "cyan", approved: "green", rejected: "red", withdrawn: "default" } as const;

/**
 * A queue of 延期申请: pending ones with 批准 / 驳回 for whoever may decide them, or decided ones with
 * who decided and why. `filter` narrows it (a task force's tab passes its id).
 */
export function ExtensionQueue(props: { filter: Record<string, string>; decided?: boolean }) {
  const { t } = useTranslation();
  const names = useNames();
  const session = useSession().data;
  const dayOf = useDayOfInstant();
  const q = useExtensionRequests({
    ...props.filter,
    state: props.decided ? "approved,rejected,withdrawn" : "pending",
  });
  const [open, setOpen] = useState<{ r: ExtensionRequest; action: "approve" | "reject" } | null>(null);
  return (
    <>
      <QueryState query={q}>
        {(p) => (
          <Table<ExtensionRequest>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={p.items}
            locale={{ emptyText: t("ext.empty") }}
            data-testid={props.decided ? "extension-history" : "extension-queue"}
            columns={[
              {
                title: t("ext.task"),
                render: (_, r) => (
                  <Link
                    to={`/task-forces/${r.taskForceId}?tab=tasks&task=${r.taskId}`}
                    data-extension-request={r.taskCode}
                  >
                    {r.taskCode} {r.taskTitle}
                  </Link>
                ),
              },
              { title: t("ext.taskForce"), width: 170, render: (_, r) => names.taskForce(r.taskForceId) },
              { title: t("ext.requester"), width: 100, dataIndex: "requestedByName" },
              {
                title: t("ext.change"),
                width: 200,
                render: (_, r) => `${r.currentDeadline ?? t("ext.none")} → ${r.requestedDeadline}`,
              },
              { title: t("ext.reason"), dataIndex: "reason" },
              { title: t("ext.filedOn"), width: 110, render: (_, r) => dayOf(r.createdAt) },
              props.decided
                ? {
                    title: t("ext.state"),
                    width: 220,
                    render: (_, r) => (
                      <Space orientation="vertical" size={0}>
                        <Tag color={STATE_COLOR[r.state]}>{t(`ext.states.${r.state}`)}</Tag>
                        <span>
                          {r.decidedByName}
                          {r.decisionNote ? `：${r.decisionNote}` : ""}
                        </span>
                      </Space>
                    ),
                  }
                : {
                    title: "",
                    width: 150,
                    render: (_, r) =>
                      mayDecideExtension(session, r) ? (
                        <Space size={4}>
                          <Button
                            size="small"
                            type="primary"
                            onClick={() => setOpen({ r, action: "approve" })}
                          >
                            {t("ext.approve")}
                          </Button>
                          <Button size="small" danger onClick={() => setOpen({ r, action: "reject" })}>
                            {t("ext.reject")}
                          </Button>
                        </Space>
                      ) : null,
                  },
            ]}
          />
        )}
      </QueryState>
      <ExtensionDecisionModal
        request={open?.r ?? null}
        action={open?.action ?? null}
        onClose={() => setOpen(null)}
      />
    </>
  );
}
