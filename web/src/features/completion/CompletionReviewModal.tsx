import { PaperClipOutlined } from "@ant-design/icons";
import { App, Button, Descriptions, Form, Input, Modal, Space, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Task } from "../../api/types";
import { WriteError } from "../../components/ConflictAlert";
import { Evidence } from "../task-force/ReportsPanel";
import type { ReviewAction } from "./completion-access";
import { useLatestReports, useMayReview, useReviewCompletion } from "./use-completion";

/**
 * Reviews one claimed completion (完成确认): the task's acceptance criterion beside the report that
 * claimed it and its evidence; confirm it (a note is optional) or send it back (a reason is required),
 * at the version shown.
 */
export function CompletionReviewModal(props: { task: Task | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { task } = props;
  const may = useMayReview();
  const m = useReviewCompletion();
  const reports = useLatestReports(task?.id ?? null);
  const [text, setText] = useState("");
  const [missing, setMissing] = useState(false);
  const claim = reports.data?.items[0];
  const close = () => {
    m.reset();
    setText("");
    setMissing(false);
    props.onClose();
  };
  const act = (action: ReviewAction) => {
    if (!task) return;
    if (action === "return" && !text.trim()) return setMissing(true);
    m.mutate(
      { id: task.id, action, version: task.version, text },
      {
        onSuccess: () => {
          void message.success(t(action === "confirm" ? "cpl.confirmed" : "cpl.sentBack"));
          close();
        },
      },
    );
  };
  return (
    <Modal
      open={!!task}
      title={task ? t("cpl.reviewTitle", { code: task.code, title: task.title }) : ""}
      onCancel={close}
      destroyOnHidden
      width={640}
      footer={
        <Space>
          <Button onClick={close}>{t("common.cancel")}</Button>
          {task && may(task, "return") ? (
            <Button
              danger
              data-action="return-completion"
              loading={m.isPending}
              onClick={() => act("return")}
            >
              {t("cpl.return")}
            </Button>
          ) : null}
          {task && may(task, "confirm") ? (
            <Button
              type="primary"
              data-action="confirm-completion"
              loading={m.isPending}
              onClick={() => act("confirm")}
            >
              {t("cpl.confirm")}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Descriptions column={1} size="small" bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t("cpl.acceptance")}>
          <span data-testid="completion-acceptance">{task?.acceptance || t("cpl.noAcceptance")}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t("cpl.report")}>
          {claim ? (
            <>
              {claim.reportDate} · <Tag>{claim.percent}%</Tag>
              <div>{claim.narrative}</div>
            </>
          ) : null}
        </Descriptions.Item>
        <Descriptions.Item label={t("cpl.evidence")}>
          <span data-testid="completion-evidence">
            {claim?.evidence.length ? (
              <>
                <PaperClipOutlined style={{ marginInlineEnd: 8 }} />
                {claim.evidence.map((e) => (
                  <Evidence key={e} entry={e} />
                ))}
              </>
            ) : (
              t("cpl.noEvidence")
            )}
          </span>
        </Descriptions.Item>
      </Descriptions>
      <Form layout="vertical">
        <Form.Item
          label={t("cpl.note")}
          htmlFor="completion-note"
          validateStatus={missing ? "error" : undefined}
          help={missing ? t("cpl.reasonRequired") : undefined}
        >
          <Input.TextArea
            id="completion-note"
            rows={3}
            value={text}
            placeholder={t("cpl.notePlaceholder")}
            onChange={(e) => {
              setText(e.target.value);
              if (e.target.value.trim()) setMissing(false);
            }}
          />
        </Form.Item>
      </Form>
      <WriteError error={m.error} />
    </Modal>
  );
}
