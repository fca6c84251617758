import { useQuery } from "@tanstack/react-query";
import { Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { get } from "../../api/client";
import { QueryState } from "../../components/QueryState";
import { changedFields, shortValue } from "./changes";

interface AuditEntry {
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** The audit trail (变更记录) of one record: who changed what, when, from which value to which. */
export function AuditTrail({ entityId }: { entityId: string }) {
  const { t } = useTranslation();
  const trail = useQuery({
    queryKey: ["audit", entityId],
    queryFn: () =>
      get<{ items: AuditEntry[] }>(`/audit-entries?entityId=${encodeURIComponent(entityId)}&limit=200`),
  });
  return (
    <QueryState query={trail}>
      {(page) => (
        <Table<AuditEntry>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={page.items}
          columns={[
            {
              title: t("audit.at"),
              dataIndex: "at",
              width: 190,
              render: (v: string) => v.replace("T", " ").slice(0, 19),
            },
            { title: t("audit.actor"), dataIndex: "actor", width: 110 },
            {
              title: t("audit.action"),
              dataIndex: "action",
              width: 100,
              render: (v: string) => <Tag>{t(`audit.actions.${v}`, v)}</Tag>,
            },
            {
              title: t("audit.changes"),
              render: (_: unknown, e) =>
                changedFields(e.before, e.after)
                  .slice(0, 8)
                  .map((c) => (
                    <div key={c.field}>
                      <code>{c.field}</code>: {shortValue(c.before)} → {shortValue(c.after)}
                    </div>
                  )),
            },
          ]}
        />
      )}
    </QueryState>
  );
}
