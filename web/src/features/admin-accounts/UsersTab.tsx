import { PlusOutlined } from "@ant-design/icons";
import { Button, Input, Space, Table, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { WriteError } from "../../components/ConflictAlert";
import { membershipsByPerson } from "./account-view";
import { PasswordResetModal } from "./PasswordResetModal";
import { UserFormModal } from "./UserFormModal";
import { type User, useMembershipsOf, useUsers } from "./use-accounts";
import { useUserColumns } from "./use-user-columns";

const PAGE_SIZE = 20;

/** 用户: the accounts, a page at a time, with their people's task forces; new, edit, reset password. */
export function UsersTab() {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<User | "new" | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const users = useUsers({ q, page, pageSize: PAGE_SIZE });
  const items = users.data?.items ?? [];
  const personIds = useMemo(
    () => [...new Set(items.flatMap((u) => (u.personId ? [u.personId] : [])))],
    [items],
  );
  const memberships = useMembershipsOf(personIds);
  const byPerson = useMemo(() => membershipsByPerson(memberships.data?.items ?? []), [memberships.data]);
  const columns = useUserColumns({
    byPerson,
    membershipsKnown: personIds.length === 0 || !!memberships.data,
    onEdit: setEditing,
    onReset: setResetting,
  });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
          {t("adm.users.add")}
        </Button>
        <Input.Search
          id="user-search"
          allowClear
          aria-label={t("adm.users.search")}
          placeholder={t("adm.users.search")}
          style={{ width: 260 }}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
        />
        <Typography.Text type="secondary">
          {t("adm.users.count", { count: users.data?.total ?? 0 })}
        </Typography.Text>
      </Space>
      <WriteError error={users.error} />
      <Table<User>
        rowKey="id"
        size="small"
        aria-label={t("adm.users.tabUsers")}
        loading={users.isFetching}
        dataSource={items}
        columns={columns}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: users.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        scroll={{ x: 1000 }}
      />
      {/* Keyed so that each opening starts a fresh form with that user's values. */}
      <UserFormModal
        key={editing === "new" ? "new" : (editing?.id ?? "closed")}
        editing={editing}
        onClose={() => setEditing(null)}
      />
      <PasswordResetModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
