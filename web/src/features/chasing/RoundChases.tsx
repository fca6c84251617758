import { Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { DispatchReport } from "../../api/types";

type RoundChasesView = DispatchReport["chases"];

/** A task force's 催办 of the round in the dispatch report: how many, how many unanswered, and which. */
export function RoundChases({
  chases,
  taskForceId,
  code,
}: {
  chases: RoundChasesView;
  taskForceId: string;
  code: string;
}) {
  const { t } = useTranslation();
  const c = chases.byTaskForce[taskForceId] ?? { sent: 0, unanswered: 0, pastGrace: 0 };
  const rows = chases.unanswered.filter((u) => u.taskForceId === taskForceId);
  return (
    <div data-testid={`dispatch-chases-${code}`} data-sent={c.sent} data-unanswered={c.unanswered}>
      <Typography.Paragraph style={{ margin: "8px 0" }}>
        {t("chase.roundLine", { sent: c.sent, unanswered: c.unanswered, pastGrace: c.pastGrace })}
      </Typography.Paragraph>
      {rows.length ? (
        <>
          <div className="dispatch-list-title">
            {t("chase.unansweredList")}（{rows.length}）
          </div>
          <Table
            size="small"
            pagination={false}
            rowKey={(r) => `${r.subjectId}-${r.day}-${r.level}-${r.recipientName}`}
            dataSource={rows}
            columns={[
              { title: t("chase.about"), render: (_, r) => `${r.subjectCode} ${r.subjectTitle}` },
              {
                title: t("chase.to"),
                width: 170,
                render: (_, r) => `${r.recipientName}（${t(`chase.levels.${r.level}`)}）`,
              },
              { title: t("chase.rule"), width: 130, render: (_, r) => t(`chase.rules.${r.rule}`) },
              { title: t("chase.day"), dataIndex: "day", width: 110 },
              { title: t("chase.waiting"), dataIndex: "workdaysUnanswered", width: 110 },
            ]}
          />
        </>
      ) : null}
    </div>
  );
}
