import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, App, Descriptions, Form, Input, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { planApprovalInput } from "../../../../src/shared/api/baselines";
import { approvePlan, fetchBaselines, fetchPlanApproval } from "../../api/data";
import type { PlanApprovalPreview, PlanBaseline } from "../../api/types";
import { WriteError } from "../../components/ConflictAlert";
import { FormModal } from "../../components/FormModal";
import { useRefreshAll } from "../../hooks/use-mutations";
import { zodRule } from "../../hooks/validate";

type Change = PlanApprovalPreview["changes"][number];

/**
 * 批准计划: shows what the next baseline would set or move against the latest one, who approved
 * the earlier ones and why, and asks for a reason before approving. A second or later baseline is
 * the supervision office's: a lead sees why OK is disabled.
 */
export function PlanApprovalModal(props: { taskForceId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const refresh = useRefreshAll();
  const preview = useQuery({
    queryKey: ["task-force", props.taskForceId, "plan-approval"],
    queryFn: () => fetchPlanApproval(props.taskForceId),
    enabled: props.open,
  });
  const history = useQuery({
    queryKey: ["task-force", props.taskForceId, "baselines"],
    queryFn: () => fetchBaselines(props.taskForceId),
    enabled: props.open,
  });
  const m = useMutation({
    mutationFn: (v: { reason: string; number: number }) => approvePlan(props.taskForceId, v.reason, v.number),
    // Another approval landed since the preview: show the new preview beside the refusal.
    onError: () => void preview.refetch(),
    onSuccess: (r) => {
      refresh();
      void message.success(t("baseline.approved", { n: r.baseline.number }));
      props.onClose();
    },
  });
  const p = preview.data;
  const who = (b: PlanBaseline) => b.approvedByName || t("baseline.system");
  const shift = (c: Change) =>
    c.shift === null
      ? t("baseline.new")
      : c.shift === 0
        ? "—"
        : t("baseline.shift", { n: c.shift > 0 ? `+${c.shift}` : c.shift });
  return (
    <FormModal
      form={form}
      open={props.open}
      title={p ? t("baseline.title", { n: p.number }) : t("baseline.approve")}
      width={760}
      okText={t("baseline.approve")}
      okDisabled={!p?.mayApprove}
      onCancel={() => {
        m.reset();
        props.onClose();
      }}
      onFinish={(v) => p && m.mutate({ reason: String(v.reason ?? ""), number: p.number })}
      pending={m.isPending}
      error={<WriteError error={m.error ?? preview.error} />}
      failure={m.error}
      intro={
        p ? (
          <div data-testid="plan-approval">
            {p.needsSupervisor ? (
              <Alert
                style={{ marginBottom: 12 }}
                type={p.mayApprove ? "info" : "warning"}
                showIcon
                title={
                  p.mayApprove ? t("baseline.rebaseline", { n: p.number }) : t("baseline.needsSupervisor")
                }
              />
            ) : null}
            <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
              <Descriptions.Item label={t("baseline.against")}>
                {t(`baseline.againstWhich.${p.slippageAgainst}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t("baseline.history")}>
                {(history.data ?? []).length === 0
                  ? t("baseline.none")
                  : (history.data ?? []).map((b) => (
                      <div key={b.id} data-testid="baseline-version">
                        {t("baseline.version", { n: b.number })} · {b.approvedAt.slice(0, 10)} · {who(b)}
                        {b.reason ? ` · ${b.reason}` : ""}
                      </div>
                    ))}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Paragraph>
              {t("baseline.summary", { moved: p.changes.length, unchanged: p.unchanged, dropped: p.dropped })}
            </Typography.Paragraph>
            <Table<Change>
              size="small"
              rowKey="taskId"
              pagination={p.changes.length > 8 ? { pageSize: 8, size: "small" } : false}
              dataSource={p.changes}
              style={{ marginBottom: 12 }}
              columns={[
                { title: t("task.wbs"), dataIndex: "code", width: 80 },
                { title: t("task.title"), dataIndex: "title", ellipsis: true },
                {
                  title: t("baseline.from"),
                  width: 110,
                  render: (_, c) => c.from?.finish ?? t("baseline.new"),
                },
                { title: t("baseline.to"), width: 110, render: (_, c) => c.to.finish },
                { title: t("baseline.moves"), width: 110, render: (_, c) => shift(c) },
              ]}
            />
          </div>
        ) : null
      }
    >
      <Form.Item name="reason" label={t("baseline.reason")} rules={[zodRule(planApprovalInput.shape.reason)]}>
        <Input.TextArea rows={2} disabled={!p?.mayApprove} />
      </Form.Item>
    </FormModal>
  );
}
