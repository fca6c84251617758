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
  const name = session?.user.displayName ?? "";
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
        <Button type="text" aria-label={t("adm.own.menu", { name })} data-testid="user-menu">
          <span data-testid="whoami">
            {session?.user.displayName} · {session?.roles.map((r) => t(`roles.${r}`)).join("、")}
          </span>
          <DownOutlined />
        </Button>
      </Dropdown>
      <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
    </>
  );
}
