import { Card, Flex, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { SupervisionItem } from "../../api/types";
import { useNames } from "../../hooks/use-data";
import { useStatusDate } from "../../hooks/use-status-date";
import { SupervisionItemExtras } from "../comments/SupervisionItemExtras";
import { STATE_COLOR } from "../reporting/supervision-actions";

/** Props of {@link SupervisionCards}. */
export interface SupervisionCardsProps {
  readonly items: readonly SupervisionItem[];
  readonly showTaskForce?: boolean;
  /** The buttons of the actions the user may take on an item (SupervisionTable's). */
  readonly actions: (item: SupervisionItem) => ReactNode;
}

/** Supervision items (督办单) on a phone: one card per item, with its issue, due date, state and actions. */
export function SupervisionCards({ items, showTaskForce, actions }: SupervisionCardsProps) {
  const { t } = useTranslation();
  const names = useNames();
  const statusDate = useStatusDate();
  return (
    <div className="phone-cards" data-testid="supervision-cards">
      {items.map((r) => (
        <Card key={r.id} size="small" data-item-card={r.code}>
          <Flex justify="space-between" align="start" gap={8}>
            <Typography.Text strong>{r.code}</Typography.Text>
            <Tag color={STATE_COLOR[r.state]} data-state={r.state} style={{ marginInlineEnd: 0 }}>
              {t(`states.${r.state}`)}
              {r.returnCount ? ` · ${t("sup.returned")} ${r.returnCount}` : ""}
            </Tag>
          </Flex>
          {showTaskForce ? (
            <Link to={`/task-forces/${r.taskForceId}?tab=supervision`}>{names.taskForce(r.taskForceId)}</Link>
          ) : null}
          <div>
            <Typography.Text type="secondary">{t("sup.issue")}：</Typography.Text>
            {r.issue}
          </div>
          <div>
            <Typography.Text type="secondary">{t("sup.requiredAction")}：</Typography.Text>
            {r.requiredAction}
          </div>
          <Flex wrap gap={8} align="center">
            <span>{names.person(r.responsiblePersonId)}</span>
            {r.state !== "verified" && r.dueDate < statusDate ? (
              <Tag color="red">
                {t("sup.due")} ⚠ {r.dueDate}
              </Tag>
            ) : (
              <span>
                {t("sup.due")} {r.dueDate}
              </span>
            )}
          </Flex>
          <SupervisionItemExtras item={r} />
          {actions(r)}
        </Card>
      ))}
    </div>
  );
}
