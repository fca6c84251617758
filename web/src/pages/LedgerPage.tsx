import { DownloadOutlined, InboxOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Progress, Space, Table, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type ImportResultWire,
  type LedgerMappingWire,
  type LedgerProblemWire,
  XLSX_TYPE,
} from "../../../src/shared/api/ledger";
import { upload } from "../api/client";
import { WriteError } from "../components/ConflictAlert";
import { detailMessage } from "../hooks/messages";
import { useCan } from "../hooks/use-can";
import { useRefreshAll } from "../hooks/use-mutations";
import { ImportFindings } from "./ledger/ImportFindings";
import { MappingEditor } from "./ledger/MappingEditor";

type Step = { phase: "idle" } | { phase: "sending"; percent: number; dryRun: boolean };

/** A problem's message in the UI's language (its sheet, row and column stand in their own columns). */
const problemText = (p: LedgerProblemWire) =>
  detailMessage({ path: "", message: p.message, key: p.key, params: p.params });

/**
 * 台账: download the template and the ledger; import a workbook in two steps — check it (a dry run
 * listing every change and every problem by sheet, row and column), then confirm.
 */
export function LedgerPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const refresh = useRefreshAll();
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>({ phase: "idle" });
  const [result, setResult] = useState<ImportResultWire | null>(null);
  const [error, setError] = useState<unknown>(null);
  // A header mapping chosen for this file: sent with the check and the import, remembered by the import.
  const [mapping, setMapping] = useState<LedgerMappingWire | null>(null);
  const send = async (dryRun: boolean, map = mapping) => {
    if (!file) return;
    setError(null);
    setStep({ phase: "sending", percent: 0, dryRun });
    try {
      const mapped = map ? `&mapping=${encodeURIComponent(JSON.stringify(map))}` : "";
      const query = `?dryRun=${dryRun}&name=${encodeURIComponent(file.name)}${mapped}`;
      const r = await upload<ImportResultWire>(`/imports${query}`, file, XLSX_TYPE, (percent) =>
        setStep({ phase: "sending", percent, dryRun }),
      );
      setResult(r);
      if (r.written) {
        refresh();
        void message.success(t("ledger.imported"));
      }
    } catch (e) {
      setError(e);
    } finally {
      setStep({ phase: "idle" });
    }
  };
  const sending = step.phase === "sending";
  const checked = result?.dryRun === true && result.problems.length === 0;
  const changed = result ? result.changes.length : 0;
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Card title={t("ledger.title")}>
        <Typography.Paragraph type="secondary">{t("ledger.intro")}</Typography.Paragraph>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href="/api/v1/ledger/template" data-testid="ledger-template">
            {t("ledger.template")}
          </Button>
          <Button icon={<DownloadOutlined />} href="/api/v1/ledger" data-testid="ledger-export">
            {t("ledger.export")}
          </Button>
        </Space>
      </Card>
      {can.rule("write:imports") ? (
        <Card title={t("ledger.import")} data-testid="ledger-import">
          <Upload.Dragger
            accept=".xlsx"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              setResult(null);
              setError(null);
              setMapping(null);
              return false; // sent only when checked or confirmed
            }}
            onRemove={() => {
              setFile(null);
              setResult(null);
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>{t("ledger.choose")}</p>
          </Upload.Dragger>
          <Space style={{ marginTop: 12 }}>
            <Button disabled={!file || sending} onClick={() => void send(true)} data-testid="ledger-check">
              {t("ledger.check")}
            </Button>
            <Button
              type="primary"
              disabled={!checked || changed === 0 || sending}
              onClick={() => void send(false)}
              data-testid="ledger-confirm"
            >
              {t("ledger.confirm")}
            </Button>
          </Space>
          {sending ? <Progress percent={step.percent} style={{ marginTop: 12 }} /> : null}
          <WriteError error={error} />
          {result ? (
            <MappingEditor
              key={result.sha256 + JSON.stringify(result.mapping)}
              result={result}
              busy={sending}
              onApply={(m) => {
                setMapping(m);
                void send(true, m);
              }}
            />
          ) : null}
          {result ? <ImportOutcome result={result} /> : null}
        </Card>
      ) : null}
    </Space>
  );
}

/** What a check or an import found: counts per sheet, then the problems or the changes. */
function ImportOutcome({ result }: { result: ImportResultWire }) {
  const { t } = useTranslation();
  const counts = Object.entries(result.counts)
    .filter(([, c]) => c.create + c.update + c.unchanged > 0)
    .map(([sheet, c]) => ({ sheet, ...c }));
  const state = result.problems.length
    ? { type: "error" as const, text: t("ledger.problems", { n: result.problems.length }) }
    : result.written
      ? { type: "success" as const, text: t("ledger.imported") }
      : result.changes.length
        ? { type: "info" as const, text: t("ledger.ready", { n: result.changes.length }) }
        : { type: "info" as const, text: t("ledger.nothing") };
  return (
    <div data-testid="ledger-outcome" style={{ marginTop: 16 }}>
      <Alert type={state.type} showIcon title={state.text} style={{ marginBottom: 12 }} />
      {result.findings ? <ImportFindings findings={result.findings} /> : null}
      {result.problems.length ? (
        <Table<LedgerProblemWire>
          size="small"
          rowKey={(p) => `${p.sheet}!${p.column ?? ""}${p.row ?? ""}:${p.key}`}
          dataSource={result.problems}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: t("ledger.sheet"), dataIndex: "sheet", width: 120 },
            { title: t("ledger.row"), dataIndex: "row", width: 70 },
            { title: t("ledger.column"), dataIndex: "column", width: 70 },
            { title: t("ledger.problem"), render: (_, p) => <span data-problem>{problemText(p)}</span> },
          ]}
        />
      ) : (
        <>
          <Table
            size="small"
            rowKey="sheet"
            pagination={false}
            dataSource={counts}
            columns={[
              {
                title: t("ledger.sheet"),
                dataIndex: "sheet",
                render: (s: string) => t(`ledger.sheets.${s}`),
              },
              { title: t("ledger.create"), dataIndex: "create", width: 90 },
              { title: t("ledger.update"), dataIndex: "update", width: 90 },
              { title: t("ledger.unchanged"), dataIndex: "unchanged", width: 90 },
            ]}
          />
          {result.changes.length ? (
            <Table
              size="small"
              style={{ marginTop: 12 }}
              rowKey={(c) => `${c.sheet}:${c.row}`}
              dataSource={result.changes}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              columns={[
                {
                  title: t("ledger.sheet"),
                  dataIndex: "sheet",
                  width: 120,
                  render: (s: string) => t(`ledger.sheets.${s}`),
                },
                { title: t("ledger.row"), dataIndex: "row", width: 70 },
                {
                  title: t("ledger.action"),
                  dataIndex: "action",
                  width: 90,
                  render: (a: string) => t(a === "create" ? "ledger.create" : "ledger.update"),
                },
                { title: t("ledger.record"), dataIndex: "label" },
              ]}
            />
          ) : null}
        </>
      )}
    </div>
  );
}
