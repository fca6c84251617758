import { PaperClipOutlined } from "@ant-design/icons";
import { Button, List, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { attachmentUrl } from "../../api/data";
import type { ProgressReport } from "../../api/types";
import { QueryState } from "../../components/QueryState";
import { useNames, useReports } from "../../hooks/use-data";
import { type Correction, CorrectionModal } from "../reporting/CorrectionModal";
import { evidenceView } from "../reporting/evidence";

const gap = { marginInlineEnd: 8 };

/** One evidence entry: an uploaded file as its download link, a link, or a plain name. */
export function Evidence({ entry }: { entry: string }) {
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
  mayCorrect,
}: {
  filter: Record<string, string>;
  taskCode: (id: string) => string;
  /** Whether the caller may correct or withdraw the reports of a task (its owner, lead, admin). */
  mayCorrect?: (taskId: string) => boolean;
}) {
  const { t } = useTranslation();
  const names = useNames();
  const q = useReports(filter);
  const [correcting, setCorrecting] = useState<Correction | null>(null);
  const act = (r: ProgressReport, mode: Correction["mode"]) =>
    setCorrecting({ kind: "report", mode, record: r, label: `${r.reportDate} · ${taskCode(r.taskId)}` });
  return (
    <QueryState query={q} isEmpty={(p) => p.items.length === 0}>
      {(p) => (
        <>
          <CorrectionModal target={correcting} onClose={() => setCorrecting(null)} />
          <List<ProgressReport>
            dataSource={p.items}
            renderItem={(r) => (
              <List.Item
                data-report={r.id}
                actions={
                  mayCorrect?.(r.taskId)
                    ? [
                        <Space key="c">
                          <Button size="small" data-action="correct" onClick={() => act(r, "correct")}>
                            {t("correction.correct")}
                          </Button>
                          <Button
                            size="small"
                            danger
                            data-action="withdraw"
                            onClick={() => act(r, "withdraw")}
                          >
                            {t("correction.withdraw")}
                          </Button>
                        </Space>,
                      ]
                    : undefined
                }
              >
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
        </>
      )}
    </QueryState>
  );
}
