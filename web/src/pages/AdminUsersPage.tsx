import { Card, Result, Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { TokensTab } from "../features/admin-accounts/TokensTab";
import { UsersTab } from "../features/admin-accounts/UsersTab";
import { useCan } from "../hooks/use-can";

/** 用户与权限 (admins): the accounts, and the API tokens (`?tab=tokens`). */
export function AdminUsersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === "tokens" ? "tokens" : "users";
  if (!can.rule("read:users"))
    return <Result status="403" title="403" subTitle={t("common.forbiddenRole")} />;
  return (
    <Card title={t("adm.users.title")}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === "tokens" ? { tab: key } : {}, { replace: true })}
        items={[
          { key: "users", label: t("adm.users.tabUsers"), children: <UsersTab /> },
          { key: "tokens", label: t("adm.users.tabTokens"), children: <TokensTab /> },
        ]}
      />
    </Card>
  );
}
