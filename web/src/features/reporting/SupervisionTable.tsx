import { Button, Space, Spin, Table, Tag } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { SupervisionItem } from "../../api/types";
import { useCan } from "../../hooks/use-can";
import { useNames } from "../../hooks/use-data";
import { useIsPhone } from "../../hooks/use-is-phone";
import { useStatusDate } from "../../hooks/use-status-date";
import { SupervisionItemExtras } from "../comments/SupervisionItemExtras";
import { SupervisionCards } from "../phone/SupervisionCards";
import { awaitsRefetch, markPending, NO_PENDING, type PendingVersions, settlePending } from "./pending-rows";
import { SupervisionActionModal } from "./SupervisionActionModal";
import { actionsFor, STATE_COLOR, type SupervisionAction } from "./supervision-actions";

/**
 * Supervision items with the actions the user may take on each (start, submit, return, verify).
 * A row just acted on keeps its actions disabled, marked as updating, until the list has refetched
 * the item's new version (acting on the old one would be refused as stale). On a phone, cards.
 */
export function SupervisionTable({
  items,
  showTaskForce,
}: {
  items: SupervisionItem[];
  showTaskForce?: boolean;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const names = useNames();
  const statusDate = useStatusDate();
  const [open, setOpen] = useState<{ item: SupervisionItem; action: SupervisionAction } | null>(null);
  const [pending, setPending] = useState<PendingVersions>(NO_PENDING);
  useEffect(() => setPending((p) => settlePending(p, items)), [items]);
  const phone = useIsPhone();
  const actions = (r: SupervisionItem) => {
    const waiting = awaitsRefetch(r, pending);
    return (
      <Space wrap aria-busy={waiting} data-pending={waiting || undefined}>
        {actionsFor(r.state)
          .filter((a) => can.superviseAction(a, r))
          .map((a) => (
            <Button
              key={a}
              size={phone ? "middle" : "small"}
              className={phone ? "tap" : undefined}
              type={a === "verify" ? "primary" : "default"}
              data-action={a}
              disabled={waiting}
              onClick={() => setOpen({ item: r, action: a })}
            >
              {t(`sup.${a}`)}
            </Button>
          ))}
        {waiting ? (
          <span role="status">
            <Spin size="small" /> {t("supPending.updating")}
          </span>
        ) : null}
      </Space>
    );
  };
  const modal = (
    <SupervisionActionModal
      item={open?.item ?? null}
      action={open?.action ?? null}
      onClose={() => setOpen(null)}
      onDone={(updated) => setPending((p) => markPending(p, updated.id, updated.version))}
    />
  );
  if (phone)
    return (
      <>
        <SupervisionCards items={items} showTaskForce={showTaskForce} actions={actions} />
        {modal}
      </>
    );
  return (
    <>
      <Table<SupervisionItem>
        rowKey="id"
        size="small"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={items}
        scroll={{ x: 1100 }}
        columns={[
          { title: t("sup.code"), dataIndex: "code", width: 120 },
          ...(showTaskForce
            ? [
                {
                  title: t("overview.taskForce"),
                  width: 160,
                  render: (_: unknown, r: SupervisionItem) => (
                    <Link to={`/task-forces/${r.taskForceId}?tab=supervision`}>
                      {names.taskForce(r.taskForceId)}
                    </Link>
                  ),
                },
              ]
            : []),
          { title: t("sup.issue"), dataIndex: "issue" },
          { title: t("sup.requiredAction"), dataIndex: "requiredAction" },
          { title: t("task.responsible"), width: 90, render: (_, r) => names.person(r.responsiblePersonId) },
          {
            title: t("sup.due"),
            dataIndex: "dueDate",
            width: 110,
            render: (d: string, r) =>
              r.state !== "verified" && d < statusDate ? <Tag color="red">⚠ {d}</Tag> : d,
          },
          {
            title: t("sup.state"),
            width: 100,
            render: (_, r) => (
              <Tag color={STATE_COLOR[r.state]} data-state={r.state}>
                {t(`states.${r.state}`)}
                {r.returnCount ? ` · ${t("sup.returned")} ${r.returnCount}` : ""}
              </Tag>
            ),
          },
          // Leaders' comments and escalation (features/comments).
          { title: "", width: 170, render: (_, r) => <SupervisionItemExtras item={r} /> },
          { title: "", width: 200, render: (_, r) => actions(r) },
        ]}
      />
      {modal}
    </>
  );
}
