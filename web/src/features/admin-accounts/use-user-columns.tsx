import { EditOutlined, KeyOutlined } from "@ant-design/icons";
import { Button, Space, Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import type { Role } from "../../../../src/shared/api/org";
import type { Member } from "../../api/types";
import { useNames } from "../../hooks/use-data";
import { accountGap } from "./account-view";
import type { User } from "./use-accounts";

/**
 * The columns of the user list: account, person, roles (with a warning when a lead or an owner
 * lacks what its role needs), the person's task forces, state, actions.
 */
export function useUserColumns(props: {
  byPerson: ReadonlyMap<string, Member[]>;
  /** Whether `byPerson` holds the memberships of every listed person yet (no warning before). */
  membershipsKnown: boolean;
  onEdit: (u: User) => void;
  onReset: (u: User) => void;
}) {
  const { t } = useTranslation();
  const names = useNames();
  return [
    { title: t("adm.users.username"), dataIndex: "username", width: 140 },
    { title: t("adm.users.displayName"), dataIndex: "displayName", width: 140 },
    {
      title: t("adm.users.person"),
      key: "person",
      width: 120,
      render: (u: User) => names.person(u.personId),
    },
    {
      title: t("adm.users.roles"),
      key: "roles",
      width: 180,
      render: (u: User) => {
        const gap = props.membershipsKnown
          ? accountGap(u, u.personId ? (props.byPerson.get(u.personId) ?? []) : [])
          : null;
        return (
          <>
            {u.roles.map((r: Role) => (
              <Tag key={r}>{t(`roles.${r}`)}</Tag>
            ))}
            {gap ? (
              <Tooltip title={t(`adm.users.${gap === "noPerson" ? "gapNoPersonHint" : "gapLeadsNoneHint"}`)}>
                <Tag color="warning" data-account-gap={gap}>
                  {t(`adm.users.${gap === "noPerson" ? "gapNoPerson" : "gapLeadsNone"}`)}
                </Tag>
              </Tooltip>
            ) : null}
          </>
        );
      },
    },
    {
      title: t("adm.users.taskForces"),
      key: "taskForces",
      render: (u: User) => (
        <Space size={[4, 4]} wrap>
          {(u.personId ? (props.byPerson.get(u.personId) ?? []) : []).map((m) => (
            <Tag key={m.id} color={m.role === "lead" || m.role === "lead_leader" ? "red" : undefined}>
              {names.taskForce(m.taskForceId)} · {t(`plan.roles.${m.role}`)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t("adm.users.state"),
      key: "state",
      width: 90,
      render: (u: User) =>
        u.disabled ? (
          <Tag color="default">{t("adm.users.disabled")}</Tag>
        ) : (
          <Tag color="green">{t("adm.users.active")}</Tag>
        ),
    },
    {
      title: t("adm.users.actions"),
      key: "actions",
      width: 200,
      render: (u: User) => (
        <Space size={4}>
          <Button
            size="small"
            icon={<EditOutlined />}
            aria-label={t("adm.users.editOf", { name: u.username })}
            onClick={() => props.onEdit(u)}
          >
            {t("adm.users.edit")}
          </Button>
          <Button
            size="small"
            icon={<KeyOutlined />}
            aria-label={t("adm.users.resetOf", { name: u.username })}
            onClick={() => props.onReset(u)}
          >
            {t("adm.users.resetPassword")}
          </Button>
        </Space>
      ),
    },
  ];
}
