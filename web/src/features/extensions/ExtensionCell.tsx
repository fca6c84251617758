import { App, Button, Space, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { Task } from "../../api/types";
import { useSession } from "../../hooks/use-session";
import type { ExtensionRequest } from "./api";
import { mayFileExtension, mayWithdrawExtension } from "./extension-access";
import { useExtensionAction } from "./use-extensions";

/**
 * A task's 延期申请 in a row: the pending request's state (and 撤回 for whoever filed it), or the
 * 申请延期 button for those who may ask.
 */
export function ExtensionCell(props: {
  task: Task;
  pending: ExtensionRequest | undefined;
  onRequest: (task: Task) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession().data;
  const m = useExtensionAction();
  const { task, pending } = props;
  if (pending)
    return (
      <Space size={4} wrap>
        <Tag color="cyan" data-extension-pending={task.code} title={pending.reason}>
          {t("ext.pending", { date: pending.requestedDeadline })}
        </Tag>
        {mayWithdrawExtension(session, pending) ? (
          <Button
            size="small"
            type="link"
            loading={m.isPending}
            onClick={() =>
              m.mutate(
                { id: pending.id, action: "withdraw", body: { version: pending.version } },
                { onSuccess: () => void message.success(t("ext.withdrawn")) },
              )
            }
          >
            {t("ext.withdraw")}
          </Button>
        ) : null}
      </Space>
    );
  if (!mayFileExtension(session, task)) return null;
  return (
    <Button size="small" data-extension-task={task.code} onClick={() => props.onRequest(task)}>
      {t("ext.request")}
    </Button>
  );
}
