import { BellOutlined } from "@ant-design/icons";
import { Badge, Button } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useUnreadCount } from "./use-chasing";

/** The header's inbox button with the unread count. */
export function InboxBell() {
  const { t } = useTranslation();
  const nav = useNavigate();
  const unread = useUnreadCount().data ?? 0;
  return (
    <Badge count={unread} size="small" overflowCount={99}>
      <Button
        icon={<BellOutlined />}
        data-testid="inbox-bell"
        data-unread={unread}
        aria-label={`${t("chase.inbox")} (${t("chase.unread")} ${unread})`}
        onClick={() => nav("/inbox")}
      >
        {t("chase.inbox")}
      </Button>
    </Badge>
  );
}
