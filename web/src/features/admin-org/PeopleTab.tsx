import { PlusOutlined } from "@ant-design/icons";
import { Button, Input, Space, Table, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Person } from "../../api/types";
import { QueryState } from "../../components/QueryState";
import { DeleteRecordModal } from "./DeleteRecordModal";
import { unitOptions } from "./org-options";
import { subtreeIds } from "./org-tree";
import { PersonFormModal, type PersonTarget } from "./PersonFormModal";
import { PickSelect } from "./PickSelect";
import { RowActions } from "./RowActions";
import { useOrgAccess, usePeoplePage, useUnits } from "./use-org-admin";

const PAGE_SIZE = 20;

/** 人员: people by name, filtered by unit (and the units below it) and a text search; an admin edits them. */
export function PeopleTab() {
  const { t } = useTranslation();
  const may = useOrgAccess().persons;
  const units = useUnits().data?.items ?? [];
  const [unitId, setUnitId] = useState<string | null>(null);
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const unitIds = useMemo(() => (unitId ? [...subtreeIds(units, unitId)] : []), [units, unitId]);
  const list = usePeoplePage({ unitIds, q, page, pageSize: PAGE_SIZE });
  const [target, setTarget] = useState<PersonTarget | null>(null);
  const [deleting, setDeleting] = useState<Person | null>(null);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const columns = [
    { title: t("org.person.name"), dataIndex: "name", key: "name", width: 120 },
    {
      title: t("org.person.unit"),
      dataIndex: "orgUnitId",
      key: "unit",
      render: (id: string | null) => (id ? (unitName.get(id) ?? id) : ""),
    },
    { title: t("org.person.post"), dataIndex: "post", key: "post" },
    { title: t("org.person.phone"), dataIndex: "phone", key: "phone", width: 150 },
    { title: t("org.person.email"), dataIndex: "email", key: "email", ellipsis: true },
    ...(may
      ? [
          {
            title: t("org.actions"),
            key: "actions",
            width: 170,
            render: (p: Person) => (
              <RowActions
                editLabel={t("org.person.editOf", { name: p.name })}
                onEdit={() => setTarget({ person: p })}
                deleteLabel={t("org.person.deleteOf", { name: p.name })}
                onDelete={() => setDeleting(p)}
              />
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {may ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ unitId })}>
            {t("org.person.add")}
          </Button>
        ) : null}
        <PickSelect
          id="org-people-unit"
          aria-label={t("org.person.filterUnit")}
          placeholder={t("org.person.filterUnit")}
          style={{ width: 280 }}
          value={unitId}
          onChange={(v: string | undefined) => {
            setUnitId(v ?? null);
            setPage(1);
          }}
          options={unitOptions(units)}
        />
        <Input.Search
          id="org-people-q"
          aria-label={t("org.person.search")}
          placeholder={t("org.person.search")}
          allowClear
          style={{ width: 240 }}
          onSearch={(v) => {
            setQ(v);
            setPage(1);
          }}
        />
        {may ? null : <Typography.Text type="secondary">{t("org.readOnly")}</Typography.Text>}
      </Space>
      <QueryState query={list}>
        {(data) => (
          <Table<Person>
            data-testid="org-people-table"
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={data.items}
            loading={list.isPlaceholderData}
            locale={{ emptyText: t("org.person.empty") }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: data.total,
              showSizeChanger: false,
              showTotal: (total) => t("org.person.total", { total }),
              onChange: setPage,
            }}
          />
        )}
      </QueryState>
      {target ? <PersonFormModal target={target} units={units} onClose={() => setTarget(null)} /> : null}
      {deleting ? (
        <DeleteRecordModal
          resource="persons"
          record={deleting}
          title={t("org.person.deleteTitle")}
          name={deleting.name}
          names={(path) =>
            path === "org-units.headPersonId"
              ? units.filter((u) => u.headPersonId === deleting.id).map((u) => u.name)
              : []
          }
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </>
  );
}
