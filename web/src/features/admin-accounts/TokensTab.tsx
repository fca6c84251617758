import { PlusOutlined, StopOutlined } from "@ant-design/icons";
import { Alert, App, Button, Popconfirm, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { WriteError } from "../../components/ConflictAlert";
import { useNames } from "../../hooks/use-data";
import { localMinute } from "../comments/comment-view";
import { TokenFormModal, TokenSecretModal } from "./TokenModals";
import { type ApiToken, useAllUsers, useApiTokens, useRevokeToken } from "./use-accounts";

/** API 令牌: every token (an admin's list), new ones (the secret shown once), revocation. */
export function TokensTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const names = useNames();
  const tokens = useApiTokens();
  const users = useAllUsers();
  const revoke = useRevokeToken();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<ApiToken | null>(null);
  const owner = useMemo(() => {
    const byId = new Map((users.data?.items ?? []).map((u) => [u.id, `${u.displayName}（${u.username}）`]));
    return (id: string) => byId.get(id) ?? id;
  }, [users.data]);
  const onRevoke = (tok: ApiToken) =>
    revoke.mutate(tok.id, {
      onSuccess: () => void message.success(t("adm.tokens.revoked", { name: tok.name })),
    });
  const columns = [
    { title: t("adm.tokens.name"), dataIndex: "name" },
    { title: t("adm.tokens.owner"), key: "owner", render: (k: ApiToken) => owner(k.userId) },
    { title: t("adm.tokens.role"), key: "role", width: 110, render: (k: ApiToken) => t(`roles.${k.role}`) },
    {
      title: t("adm.tokens.scope"),
      key: "scope",
      render: (k: ApiToken) =>
        k.taskForceId ? names.taskForce(k.taskForceId) : t("adm.tokens.allTaskForces"),
    },
    {
      title: t("adm.tokens.createdAt"),
      key: "createdAt",
      width: 150,
      render: (k: ApiToken) => localMinute(k.createdAt),
    },
    {
      title: t("adm.tokens.lastUsedAt"),
      key: "lastUsedAt",
      width: 150,
      render: (k: ApiToken) => (k.lastUsedAt ? localMinute(k.lastUsedAt) : t("adm.tokens.never")),
    },
    {
      title: t("adm.tokens.state"),
      key: "state",
      render: (k: ApiToken) =>
        k.revokedAt ? (
          <Tag key="revoked" color="default">
            {t("adm.tokens.revokedAt", { at: localMinute(k.revokedAt) })}
          </Tag>
        ) : (
          <Tag key="active" color="green">
            {t("adm.tokens.active")}
          </Tag>
        ),
    },
    {
      title: t("adm.users.actions"),
      key: "actions",
      width: 100,
      render: (k: ApiToken) =>
        k.revokedAt ? null : (
          <Popconfirm
            title={t("adm.tokens.confirmRevoke", { name: k.name })}
            okText={t("adm.tokens.revoke")}
            okButtonProps={{ danger: true }}
            cancelText={t("common.cancel")}
            onConfirm={() => onRevoke(k)}
          >
            <Button
              size="small"
              danger
              icon={<StopOutlined />}
              aria-label={t("adm.tokens.revokeOf", { name: k.name })}
              loading={revoke.isPending && revoke.variables === k.id}
            >
              {t("adm.tokens.revoke")}
            </Button>
          </Popconfirm>
        ),
    },
  ];
  return (
    <>
      <Alert type="info" showIcon title={t("adm.tokens.intro")} style={{ marginBottom: 12 }} />
      <Button
        type="primary"
        icon={<PlusOutlined />}
        style={{ marginBottom: 12 }}
        onClick={() => setCreating(true)}
      >
        {t("adm.tokens.add")}
      </Button>
      <WriteError error={revoke.error ?? tokens.error} />
      <Table<ApiToken>
        rowKey="id"
        size="small"
        aria-label={t("adm.users.tabTokens")}
        loading={tokens.isPending}
        dataSource={tokens.data ?? []}
        columns={columns}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Typography.Text type="secondary">{t("adm.tokens.empty")}</Typography.Text> }}
        scroll={{ x: 1000 }}
      />
      <TokenFormModal open={creating} onClose={() => setCreating(false)} onCreated={setCreated} />
      <TokenSecretModal token={created} onClose={() => setCreated(null)} />
    </>
  );
}
