import { Button, Card, Flex, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Task } from "../../api/types";
import { useNames } from "../../hooks/use-data";

/** Completions awaiting review (待确认完成) on a phone: one card per task, with 审核. */
export function ClaimedCards(props: { tasks: readonly Task[]; onReview: (task: Task) => void }) {
  const { t } = useTranslation();
  const names = useNames();
  return (
    <div className="phone-cards" data-testid="claimed-cards">
      {props.tasks.map((r) => (
        <Card key={r.id} size="small" data-claimed-card={r.code}>
          <Link to={`/task-forces/${r.taskForceId}?tab=tasks&task=${r.id}`}>
            <Typography.Text strong>{r.code}</Typography.Text> {r.title}
          </Link>
          <Typography.Text type="secondary">{names.taskForce(r.taskForceId)}</Typography.Text>
          <Flex wrap gap={8}>
            <span>
              {t("cpl.owner")} {names.person(r.responsiblePersonId)}
            </span>
            <span>
              {t("cpl.claimedOn")} {r.actualFinish ?? "—"}
            </span>
            <span>
              {t("cpl.deadline")} {r.deadline ?? "—"}
            </span>
          </Flex>
          <Button block type="primary" data-review-task={r.code} onClick={() => props.onReview(r)}>
            {t("cpl.review")}
          </Button>
        </Card>
      ))}
    </div>
  );
}
