import { Card, Table } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { OverviewTaskForce } from "../api/types";
import { LightTag } from "../components/LightTag";
import { QueryState } from "../components/QueryState";
import { NewTaskForceButton } from "../features/task-force-setup/NewTaskForceButton";
import { useNames, useOverview } from "../hooks/use-data";

/** The task forces the user may see, with lights and counts. */
export function TaskForcesPage() {
  const { t } = useTranslation();
  const q = useOverview();
  const names = useNames();
  return (
    <Card title={t("tf.list")} extra={<NewTaskForceButton />}>
      <QueryState query={q} isEmpty={(o) => o.taskForces.length === 0}>
        {(o) => (
          <Table<OverviewTaskForce>
            rowKey="id"
            size="middle"
            pagination={false}
            dataSource={o.taskForces}
            columns={[
              { title: t("tf.code"), dataIndex: "code", width: 70 },
              { title: t("tf.name"), render: (_, r) => <Link to={`/task-forces/${r.id}`}>{r.name}</Link> },
              {
                title: t("overview.light"),
                width: 110,
                render: (_, r) => <LightTag color={r.light} reasons={r.reasons} />,
              },
              { title: t("tf.leadLeader"), width: 100, render: (_, r) => names.person(r.leadLeaderId) },
              { title: t("tf.leadUnit"), width: 160, render: (_, r) => names.unit(r.leadUnitId) },
              { title: t("lights.red"), width: 70, render: (_, r) => r.counts.red },
              { title: t("lights.yellow"), width: 70, render: (_, r) => r.counts.yellow },
              {
                title: t("overview.score"),
                width: 70,
                render: (_, r) => (r.score === null ? "—" : Math.round(r.score)),
              },
              { title: t("overview.rank"), width: 60, dataIndex: "rank" },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}
