import { Alert, Button, Space } from "antd";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";
import { codeMessage, detailLine } from "../hooks/messages";

/**
 * Explains an error of a write. A 409 STALE_VERSION gets the reload-and-reapply choice; others
 * show the API's message and field details.
 */
export function WriteError({
  error,
  onReapply,
  onDiscard,
}: {
  error: unknown;
  onReapply?: () => void;
  onDiscard?: () => void;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  if (error instanceof ApiError && error.code === "STALE_VERSION")
    return (
      <Alert
        type="warning"
        showIcon
        role="alert"
        title={t("conflict.title")}
        description={t("conflict.body")}
        action={
          <Space orientation="vertical">
            {onReapply ? (
              <Button type="primary" size="small" onClick={onReapply}>
                {t("conflict.reapply")}
              </Button>
            ) : null}
            {onDiscard ? (
              <Button size="small" onClick={onDiscard}>
                {t("conflict.discard")}
              </Button>
            ) : null}
          </Space>
        }
      />
    );
  // People read the code's sentence and each field by its label, in the UI's language.
  const msg =
    error instanceof ApiError
      ? codeMessage(error.code, error.message)
      : error instanceof Error
        ? error.message
        : String(error);
  const details = error instanceof ApiError ? error.details : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={msg}
      description={
        details.length ? (
          <ul className="refusal-details" style={{ margin: 0, paddingInlineStart: 18 }}>
            {details.map((d) => (
              <li key={`${d.path}:${d.key ?? d.message}`} data-field={d.path}>
                {detailLine(d)}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
