import { Alert, Button, Space } from "antd";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";

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
  const msg = error instanceof Error ? error.message : String(error);
  const details = error instanceof ApiError ? error.details : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={msg}
      description={details.length ? details.map((d) => `${d.path}: ${d.message}`).join("; ") : undefined}
    />
  );
}
