import { useMutation } from "@tanstack/react-query";
import { App, Form, Input, InputNumber, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { correctionReason } from "../../../../src/shared/api/common";
import { readingSchemas } from "../../../../src/shared/api/indicators";
import { progressReportSchemas } from "../../../../src/shared/api/reports";
import { api } from "../../api/client";
import type { IndicatorReading, ProgressReport } from "../../api/types";
import { WriteError } from "../../components/ConflictAlert";
import { FormModal } from "../../components/FormModal";
import { useRefreshAll } from "../../hooks/use-mutations";
import { zodRule } from "../../hooks/validate";

/** What is being corrected or withdrawn: a progress report or an indicator's monthly actual. */
export type Correction =
  | { kind: "report"; mode: "correct" | "withdraw"; record: ProgressReport; label: string }
  | { kind: "reading"; mode: "correct" | "withdraw"; record: IndicatorReading; label: string };

const PATH = { report: "progress-reports", reading: "indicator-readings" } as const;

/**
 * 更正 / 撤回 a recorded value: a correction changes it, a withdrawal removes it; both say why. The
 * old value and the reason stay in the history; lights and scores use the corrected value.
 */
export function CorrectionModal({ target, onClose }: { target: Correction | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const refresh = useRefreshAll();
  const m = useMutation({
    mutationFn: async (v: Record<string, unknown>) => {
      if (!target) return;
      const url = `/${PATH[target.kind]}/${encodeURIComponent(target.record.id)}`;
      const reason = String(v.reason ?? "");
      if (target.mode === "withdraw")
        return api("DELETE", `${url}?version=${target.record.version}&reason=${encodeURIComponent(reason)}`);
      const changes =
        target.kind === "report"
          ? { percent: v.percent, narrative: v.narrative }
          : { actual: v.actual, note: v.note ?? null };
      return api("PATCH", url, { version: target.record.version, ...changes, reason });
    },
    onSuccess: () => {
      refresh();
      void message.success(t(target?.mode === "withdraw" ? "correction.withdrawn" : "correction.corrected"));
      onClose();
    },
  });
  const initial =
    target?.kind === "report"
      ? { percent: target.record.percent, narrative: target.record.narrative }
      : target?.kind === "reading"
        ? { actual: target.record.actual, note: target.record.note }
        : {};
  const withdraw = target?.mode === "withdraw";
  return (
    <FormModal
      form={form}
      open={!!target}
      title={`${t(withdraw ? "correction.withdraw" : "correction.correct")} · ${target?.label ?? ""}`}
      okText={t(withdraw ? "correction.withdraw" : "correction.correct")}
      onCancel={() => {
        m.reset();
        onClose();
      }}
      onFinish={(v) => m.mutate(v)}
      pending={m.isPending}
      initialValues={initial}
      intro={<Typography.Paragraph type="secondary">{t("correction.trail")}</Typography.Paragraph>}
      error={<WriteError error={m.error} />}
      failure={m.error}
    >
      {!withdraw && target?.kind === "report" ? (
        <>
          <Form.Item
            name="percent"
            label={t("report.percent")}
            rules={[zodRule(progressReportSchemas.create.shape.percent)]}
          >
            <InputNumber style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            name="narrative"
            label={t("report.narrative")}
            rules={[zodRule(progressReportSchemas.create.shape.narrative)]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      ) : null}
      {!withdraw && target?.kind === "reading" ? (
        <>
          <Form.Item
            name="actual"
            label={t("ind.actual")}
            rules={[zodRule(readingSchemas.create.shape.actual)]}
          >
            <InputNumber style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="note" label={t("correction.note")}>
            <Input />
          </Form.Item>
        </>
      ) : null}
      <Form.Item
        name="reason"
        label={t("correction.reason")}
        rules={[zodRule(correctionReason, (v) => v ?? "")]}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}
