import { Button, Input, Select, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { commentSchemas } from "../../../../src/shared/api/comments";
import { WriteError } from "../../components/ConflictAlert";
import { useCan } from "../../hooks/use-can";
import { fieldErrors } from "../../hooks/validate";
import { type CommentTarget, commentBody, targetOfKey } from "./comment-view";
import { useAddComment } from "./use-comments";

/**
 * The box to write a comment (批示) — shown only to those who may comment on the task force. With
 * `targets`, the writer picks what the comment is on (the task force, a task, an item).
 */
export function CommentForm(props: {
  taskForceId: string;
  target: CommentTarget;
  targets?: { value: string; label: string }[];
  initialTargetKey?: string;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const add = useAddComment();
  const [text, setText] = useState("");
  const [targetKey, setTargetKey] = useState(props.initialTargetKey ?? "tf");
  if (!can.comment(props.taskForceId)) return null;
  const target = props.targets ? targetOfKey(targetKey) : props.target;
  const body = commentBody(props.taskForceId, target, text);
  const error = text ? fieldErrors(commentSchemas.create, body).body : undefined;
  const submit = () =>
    add.mutate(body, {
      onSuccess: () => {
        setText("");
        add.reset();
      },
    });
  return (
    <Space orientation="vertical" style={{ width: "100%", marginBottom: 12 }} data-testid="comment-form">
      {props.targets ? (
        <Select
          aria-label={t("cmt.on")}
          showSearch
          optionFilterProp="label"
          style={{ width: "100%" }}
          value={targetKey}
          onChange={setTargetKey}
          options={props.targets}
        />
      ) : null}
      <Input.TextArea
        aria-label={t("cmt.placeholder")}
        placeholder={t("cmt.placeholder")}
        autoSize={{ minRows: 2, maxRows: 8 }}
        maxLength={4000}
        value={text}
        status={error ? "error" : undefined}
        onChange={(e) => setText(e.target.value)}
      />
      {error ? <span style={{ color: "#cf1322" }}>{error}</span> : null}
      <WriteError error={add.error} />
      <Button type="primary" onClick={submit} loading={add.isPending} disabled={!text.trim() || !!error}>
        {t("cmt.add")}
      </Button>
    </Space>
  );
}
