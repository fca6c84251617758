import { PaperClipOutlined } from "@ant-design/icons";
import { List, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { attachmentUrl } from "../../api/data";
import type { ProgressReport } from "../../api/types";
import { QueryState } from "../../components/QueryState";
import { useNames, useReports } from "../../hooks/use-data";
import { evidenceView } from "../reporting/evidence";

const gap = { marginInlineEnd: 8 };

/** One evidence entry: an uploaded file as its download link, a link, or a plain name. */
function Evidence({ entry }: { entry: string }) {
  const { t } = useTranslation();
  const v = evidenceView(entry);
  if (v.kind === "attachment")
    return (
      <a
        href={attachmentUrl(v.id)}
        download={v.fileName}
        title={t("attachment.download", { name: v.fileName })}
        data-attachment={v.id}
        style={gap}
      >
        {v.fileName}
      </a>
    );
  if (v.kind === "link")
    return (
      <a href={v.href} rel="noreferrer noopener" target="_blank" style={gap}>
        {v.href}
      </a>
    );
  return <Tag>{v.text}</Tag>;
}

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
                        <PaperClipOutlined style={gap} />
                        {r.evidence.map((e) => (
                          <Evidence key={e} entry={e} />
                        ))}
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
