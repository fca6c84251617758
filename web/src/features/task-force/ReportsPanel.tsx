import { List, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ProgressReport } from "../../api/types";
import { QueryState } from "../../components/QueryState";
import { useNames, useReports } from "../../hooks/use-data";

/** Progress reports of a task force (or of one person's tasks), newest first, with evidence. */
export function ReportsPanel({
  filter,
  taskCode,
}: {
  filter: Record<string, string>;
  taskCode: (id: string) => string;
}) {
  const { t } = useTranslation();
  const names = useNames();
  const q = useReports(filter);
  return (
    <QueryState query={q} isEmpty={(p) => p.items.length === 0}>
      {(p) => (
        <List<ProgressReport>
          dataSource={p.items}
          renderItem={(r) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <span>
                    {r.reportDate} · {taskCode(r.taskId)} · <Tag>{r.percent}%</Tag>
                    <Typography.Text type="secondary">
                      {t("report.by")} {names.person(r.reportedById)}
                    </Typography.Text>
                  </span>
                }
                description={
                  <>
                    <div>{r.narrative}</div>
                    {r.problems ? (
                      <div>
                        {t("report.problems")}：{r.problems}
                      </div>
                    ) : null}
                    {r.coordination ? (
                      <div>
                        {t("report.coordination")}：{r.coordination}
                      </div>
                    ) : null}
                    {r.evidence.length ? (
                      <div>
                        📎{" "}
                        {r.evidence.map((e) =>
                          /^https?:\/\//.test(e) ? (
                            <a
                              key={e}
                              href={e}
                              rel="noreferrer noopener"
                              target="_blank"
                              style={{ marginInlineEnd: 8 }}
                            >
                              {e}
                            </a>
                          ) : (
                            <Tag key={e}>{e}</Tag>
                          ),
                        )}
                      </div>
                    ) : null}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </QueryState>
  );
}
