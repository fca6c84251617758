import { Alert, List } from "antd";
import { useTranslation } from "react-i18next";
import type { ImportResultWire } from "../../../../src/shared/api/ledger";

type Findings = NonNullable<ImportResultWire["findings"]>;

/** After an import: what the schedule and the five-ization check find in the task forces written to. */
export function ImportFindings({ findings }: { findings: Findings }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith("en") ? "en" : "zh";
  const ok = findings.total === 0 && findings.unscheduled.length === 0;
  return (
    <div data-testid="ledger-findings" style={{ marginBottom: 12 }}>
      <Alert
        type={ok ? "success" : "warning"}
        showIcon
        title={
          ok
            ? t("ledger.findings.none", { n: findings.taskForces })
            : t("ledger.findings.some", { n: findings.total, forces: findings.taskForces })
        }
      />
      {findings.unscheduled.map((u) => (
        <Alert
          key={u.taskForceCode}
          type="error"
          style={{ marginTop: 8 }}
          title={t("ledger.findings.unscheduled", { code: u.taskForceCode })}
          description={u.message}
        />
      ))}
      {findings.items.length ? (
        <List
          size="small"
          style={{ marginTop: 8, maxHeight: 240, overflow: "auto" }}
          dataSource={findings.items}
          renderItem={(f) => (
            <List.Item>
              {[f.taskForceCode, f.wbs].filter(Boolean).join(" ")} {f.text[lang]}
            </List.Item>
          )}
        />
      ) : null}
    </div>
  );
}
