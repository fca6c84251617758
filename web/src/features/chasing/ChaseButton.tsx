import { BellOutlined } from "@ant-design/icons";
import { Button, Form, Input, Modal, Select, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { WriteError } from "../../components/ConflictAlert";
import { useCan } from "../../hooks/use-can";
import { useNames } from "../../hooks/use-data";
import { useSendChase } from "./use-chasing";

export interface ChaseSubject {
  readonly kind: "task" | "supervisionItem";
  readonly id: string;
  readonly code: string;
  readonly title: string;
  readonly ownerId: string | null;
  /** Finished tasks and closed items are not chased. */
  readonly closed: boolean;
}

/** The 催办 button of a task or supervision item (leads, the office, leaders), with whom and why. */
export function ChaseButton({ subject }: { subject: ChaseSubject }) {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState(false);
  if (!can.rule("chases:send") || subject.closed) return null;
  return (
    <>
      <Button
        size="small"
        type="text"
        icon={<BellOutlined />}
        data-chase={subject.code}
        onClick={() => setOpen(true)}
      >
        {t("chase.send")}
      </Button>
      <ChaseDialog subject={subject} open={open} onClose={() => setOpen(false)} />
    </>
  );
}

/** The 催办 dialog: to whom (the owner by default) and why; opened by a button or a row's menu. */
export function ChaseDialog(props: { subject: ChaseSubject; open: boolean; onClose: () => void }) {
  const { subject, open } = props;
  const { t } = useTranslation();
  const names = useNames();
  const send = useSendChase();
  const [recipient, setRecipient] = useState<string | undefined>(subject.ownerId ?? undefined);
  const [reason, setReason] = useState("");
  const close = () => {
    props.onClose();
    send.reset();
  };
  const submit = () =>
    send.mutate(
      {
        subjectKind: subject.kind,
        subjectId: subject.id,
        reason,
        ...(recipient ? { recipientId: recipient } : {}),
      },
      {
        onSuccess: () => {
          setReason("");
          close();
        },
      },
    );
  return (
    <Modal
      open={open}
      title={t("chase.sendTitle", { code: subject.code, title: subject.title })}
      okText={t("chase.send")}
      onOk={submit}
      onCancel={close}
      okButtonProps={{ disabled: !reason.trim(), loading: send.isPending }}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t("chase.recipient")} extra={t("chase.recipientHint")}>
          <Select
            id="chase-recipient"
            showSearch
            optionFilterProp="label"
            value={recipient}
            onChange={setRecipient}
            options={names.persons.map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item label={t("chase.reason")} required>
          <Input.TextArea
            aria-label={t("chase.reason")}
            placeholder={t("chase.reasonPlaceholder")}
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 6 }}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Form.Item>
      </Form>
      <WriteError error={send.error} />
      {send.isSuccess ? <Typography.Text type="success">{t("chase.sent")}</Typography.Text> : null}
    </Modal>
  );
}
