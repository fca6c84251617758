import { Alert, Card, Space, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CheckFinding } from "../api/types";
import { QueryState } from "../components/QueryState";
import { useCheck } from "../hooks/use-data";
import { useLang } from "../hooks/use-lang";

const CHECKS = ["project", "list", "responsibility", "concrete", "assessable"] as const;

/** Where to fix a finding: the task's row in the WBS table, or the task force's task book. */
export function fixLink(f: CheckFinding): string {
  // A cascade finding is fixed on its indicator's cascade (the splitting tools).
  if (typeof f.params.indicatorId === "string" && f.params.indicatorId)
    return `/indicators/${encodeURIComponent(f.params.indicatorId)}/cascade`;
  const base = `/task-forces/${encodeURIComponent(f.taskForceId ?? "")}`;
  if (f.taskId) return `${base}?tab=tasks&task=${encodeURIComponent(f.taskId)}`;
  // Weights are edited in the WBS table; lead leader, lead unit and goals belong to the task book.
  return f.check === "assessable" || f.check === "list" ? `${base}?tab=tasks` : `${base}?tab=book`;
}

/** 五化检查: findings per check with a link to fix each. */
export function CheckPage() {
  const { t } = useTranslation();
  const { short } = useLang();
  const q = useCheck();
  return (
    <Card title={t("check.title")}>
      <QueryState query={q}>
        {(c) => (
          <>
            <Space wrap style={{ marginBottom: 12 }}>
              {c.ok ? (
                <Alert type="success" showIcon title={t("check.ok")} />
              ) : (
                <Alert
                  type="warning"
                  showIcon
                  title={t("check.findings", { n: c.findings.length, tasks: c.summary.tasksWithFindings })}
                />
              )}
              {CHECKS.map((k) => (
                <Tag key={k} color={c.summary.byCheck[k] ? "red" : "green"}>
                  {c.summary.byCheck[k] ? "✗" : "✓"} {t(`check.${k}`)} {c.summary.byCheck[k] ?? 0}
                </Tag>
              ))}
            </Space>
            <Table<CheckFinding>
              // A cascade finding names an indicator (and a month): several share a code and a task force.
              rowKey={(f) =>
                `${f.code}-${f.taskForceId}-${f.taskId ?? ""}-${f.params.indicatorId ?? ""}-${f.params.period ?? ""}`
              }
              size="small"
              dataSource={c.findings}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              columns={[
                { title: t("check.check"), width: 110, render: (_, f) => <Tag>{t(`check.${f.check}`)}</Tag> },
                { title: t("overview.taskForce"), dataIndex: "taskForceCode", width: 80 },
                { title: t("task.wbs"), width: 90, render: (_, f) => f.wbs ?? f.params.code ?? "" },
                { title: t("check.finding"), render: (_, f) => f.text[short] },
                { title: "", width: 90, render: (_, f) => <Link to={fixLink(f)}>{t("check.fix")}</Link> },
              ]}
            />
          </>
        )}
      </QueryState>
    </Card>
  );
}
