import { DownOutlined, KeyOutlined, LogoutOutlined } from "@ant-design/icons";
import { Button, Dropdown } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLogout, useSession } from "../../hooks/use-session";
import { ChangePasswordModal } from "./ChangePasswordModal";

/**
 * The signed-in user in the header (`whoami`: name and roles) as a menu: 修改密码 opens the
 * password dialog, 退出登录 signs out.
 */
export function UserMenu() {
  const { t } = useTranslation();
  const session = useSession().data;
  const logout = useLogout();
  const [changing, setChanging] = useState(false);
  // The accessible name starts with what the button shows (WCAG 2.5.3), then says it is a menu.
  const who = `${session?.user.displayName ?? ""} · ${session?.roles.map((r) => t(`roles.${r}`)).join("、") ?? ""}`;
  return (
    <>
      <Dropdown
        trigger={["click"]}
        menu={{
          items: [
            { key: "password", icon: <KeyOutlined />, label: t("adm.own.changePassword") },
            { type: "divider" },
            { key: "signOut", icon: <LogoutOutlined />, label: t("adm.own.signOut") },
          ],
          onClick: ({ key }) => (key === "password" ? setChanging(true) : logout.mutate()),
        }}
      >
        <Button type="text" aria-label={t("adm.own.menu", { who })} data-testid="user-menu">
          <span data-testid="whoami">{who}</span>
          <DownOutlined />
        </Button>
      </Dropdown>
      <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
    </>
  );
}
