import { RiseOutlined } from "@ant-design/icons";
import { Button, Input, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { supervisionEscalation } from "../../../../src/shared/api/supervision";
import type { SupervisionItem } from "../../api/types";
import { WriteError } from "../../components/ConflictAlert";
import { useCan } from "../../hooks/use-can";
import { useStatusDate } from "../../hooks/use-status-date";
import { fieldErrors } from "../../hooks/validate";
import { useEscalate } from "./use-comments";

/**
 * 提级督办: escalate the item with the reason the API requires, dated the status date. Shown only
 * to those who may escalate an item not yet signed off; a 409 offers reload-and-reapply.
 */
export function EscalateForm({ item }: { item: SupervisionItem }) {
  const { t } = useTranslation();
  const can = useCan();
  const statusDate = useStatusDate();
  const esc = useEscalate();
  const [note, setNote] = useState("");
  if (!can.escalate(item)) return null;
  const input = { id: item.id, version: item.version, date: statusDate, note: note.trim() };
  const error = note ? fieldErrors(supervisionEscalation, input).note : undefined;
  const done = { onSuccess: () => setNote("") };
  return (
    <Space orientation="vertical" style={{ width: "100%", marginBottom: 16 }} data-testid="escalate-form">
      <Input.TextArea
        aria-label={t("cmt.escalateReason")}
        placeholder={t("cmt.escalateReason")}
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={4000}
        value={note}
        status={error ? "error" : undefined}
        onChange={(e) => setNote(e.target.value)}
      />
      {error ? <span style={{ color: "#cf1322" }}>{error}</span> : null}
      <WriteError
        error={esc.error}
        onReapply={esc.stale ? () => esc.mutate({ ...input, reload: true }, done) : undefined}
        onDiscard={esc.stale ? () => esc.reset() : undefined}
      />
      <Button
        danger
        icon={<RiseOutlined />}
        loading={esc.isPending}
        disabled={!input.note || !!error}
        onClick={() => esc.mutate(input, done)}
        data-testid="escalate"
      >
        {item.escalatedOn ? t("cmt.escalateAgain") : t("cmt.escalate")}
      </Button>
    </Space>
  );
}
