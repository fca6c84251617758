import { Alert, Button, Form, Select, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SHEETS, type SheetKey } from "../../../../src/engines/ledger/sheets";
import type { ImportResultWire, LedgerMappingWire } from "../../../../src/shared/api/ledger";

/** The choice "the file has no such sheet". */
const ABSENT = "\u0000absent";

/**
 * 表头映射: when a file names our sheets or columns its own way, choose which of its sheets holds
 * each of ours (or that it has none) and which of its headers is each missing column; the check
 * runs again with the mapping, and a confirmed import remembers it.
 */
export function MappingEditor({
  result,
  busy,
  onApply,
}: {
  result: ImportResultWire;
  busy: boolean;
  onApply: (mapping: LedgerMappingWire) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<LedgerMappingWire>(result.mapping);
  const sheetOf = (key: unknown) => SHEETS.find((s) => s.key === key);
  const missingSheets = result.problems.flatMap((p) => {
    const s = p.key === "ledgerMissingSheet" ? sheetOf(p.params.sheetKey) : undefined;
    return s ? [s.key] : [];
  });
  const missingColumns = result.problems.flatMap((p) => {
    const s = p.key === "ledgerMissingColumn" ? sheetOf(p.params.sheetKey) : undefined;
    const column = s?.columns.find((c) => c.key === p.params.column);
    return s && column ? [{ sheet: s.key, column: column.key, label: column.zh, fileSheet: p.sheet }] : [];
  });
  if (missingSheets.length === 0 && missingColumns.length === 0) return null;
  const sheetOptions = [
    ...result.fileSheets.map((f) => ({ value: f.name, label: f.name })),
    { value: ABSENT, label: t("ledger.mapping.absent") },
  ];
  const setSheet = (key: SheetKey, v: string) =>
    setDraft((d) => ({ ...d, sheets: { ...d.sheets, [key]: v === ABSENT ? null : v } }));
  const setColumn = (sheet: SheetKey, column: string, header: string) =>
    setDraft((d) => ({
      ...d,
      columns: { ...d.columns, [sheet]: { ...d.columns[sheet], [column]: header } },
    }));
  return (
    <div data-testid="ledger-mapping" style={{ marginBottom: 16 }}>
      <Alert
        type="warning"
        showIcon
        title={t("ledger.mapping.title")}
        description={t("ledger.mapping.intro")}
      />
      <Form layout="horizontal" labelCol={{ flex: "180px" }} style={{ marginTop: 12 }}>
        {missingSheets.map((key) => {
          const chosen = draft.sheets[key];
          return (
            <Form.Item key={key} label={t("ledger.mapping.sheet", { sheet: t(`ledger.sheets.${key}`) })}>
              <Select
                // Its own id, so its drop-down's list has its own too (antd's generated ids repeat in test builds).
                id={`map-sheet-${key}`}
                data-testid={`map-sheet-${key}`}
                style={{ maxWidth: 320 }}
                placeholder={t("ledger.mapping.choose")}
                options={sheetOptions}
                value={chosen === null ? ABSENT : chosen}
                onChange={(v: string) => setSheet(key, v)}
              />
            </Form.Item>
          );
        })}
        {missingColumns.map(({ sheet, column, label, fileSheet }) => {
          const headers = result.fileSheets.find((f) => f.name === fileSheet)?.headers ?? [];
          return (
            <Form.Item
              key={`${sheet}.${column}`}
              label={t("ledger.mapping.column", { sheet: fileSheet, column: label })}
            >
              <Select
                id={`map-column-${sheet}-${column}`}
                data-testid={`map-column-${sheet}-${column}`}
                style={{ maxWidth: 320 }}
                placeholder={t("ledger.mapping.choose")}
                options={headers.map((h) => ({ value: h, label: h }))}
                value={draft.columns[sheet]?.[column]}
                onChange={(v: string) => setColumn(sheet, column, v)}
              />
            </Form.Item>
          );
        })}
      </Form>
      <Space>
        <Button type="primary" disabled={busy} onClick={() => onApply(draft)} data-testid="ledger-map-apply">
          {t("ledger.mapping.apply")}
        </Button>
        <Typography.Text type="secondary">{t("ledger.mapping.remembered")}</Typography.Text>
      </Space>
    </div>
  );
}
