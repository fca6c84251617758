import { useQuery } from "@tanstack/react-query";
import { Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { FIELD_LABELS, fieldLabel } from "../../../../src/shared/field-labels";
import { get } from "../../api/client";
import { QueryState } from "../../components/QueryState";
import { uiLang } from "../../hooks/messages";
import { useNames } from "../../hooks/use-data";
import { changedFields, shortValue } from "./changes";

interface AuditEntry {
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly reason: string | null;
}

/** Fields whose values are ids of persons, units or task forces: shown by name. */
const PERSON = new Set([
  "leadLeaderId",
  "responsiblePersonId",
  "ownerPersonId",
  "personId",
  "raisedById",
  "reportedById",
]);
const UNIT = new Set(["leadUnitId", "responsibleUnitId", "orgUnitId"]);

/** The audit trail (变更记录) of one record: who changed what, when, from which value to which. */
export function AuditTrail({ entityId }: { entityId: string }) {
  const { t } = useTranslation();
  const names = useNames();
  const lang = uiLang();
  const value = (field: string, v: unknown) =>
    typeof v === "string" && PERSON.has(field)
      ? names.person(v)
      : typeof v === "string" && UNIT.has(field)
        ? names.unit(v)
        : typeof v === "string" && field === "taskForceId"
          ? names.taskForce(v)
          : shortValue(v);
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
              // Fields by their labels and ids by names; internal fields (no label) are left out.
              render: (_: unknown, e) => (
                <>
                  {changedFields(e.before, e.after)
                    .filter((c) => c.field in FIELD_LABELS)
                    .slice(0, 8)
                    .map((c) => (
                      <div key={c.field} data-field={c.field}>
                        {fieldLabel(c.field, lang)}：{value(c.field, c.before)} → {value(c.field, c.after)}
                      </div>
                    ))}
                  {e.reason ? (
                    <div data-reason>
                      {t("audit.reason")}：{e.reason}
                    </div>
                  ) : null}
                </>
              ),
            },
          ]}
        />
      )}
    </QueryState>
  );
}
