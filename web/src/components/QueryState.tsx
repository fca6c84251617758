import { Alert, Button, Empty, Result, Spin } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";

/**
 * Loading, error and empty states of a query, then its content. When a later refresh fails, the
 * data already shown stays, under a warning that names the failure and the time of that data.
 */
export function QueryState<T>(props: {
  query: {
    isPending: boolean;
    error: Error | null;
    data: T | undefined;
    dataUpdatedAt?: number;
    refetch: () => unknown;
  };
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const { query } = props;
  if (query.isPending)
    return (
      <div role="status" style={{ padding: 48, textAlign: "center" }}>
        <Spin />
        <div style={{ marginTop: 8 }}>{t("common.loading")}</div>
      </div>
    );
  if (query.error instanceof ApiError && (query.error.status === 403 || query.error.status === 404))
    return (
      <Result
        status={query.error.status === 403 ? "403" : "404"}
        title={query.error.status}
        subTitle={
          query.error.status === 404
            ? t("common.notFound")
            : query.error.details[0]?.key === "roleMayNot"
              ? t("common.forbiddenRole")
              : t("common.forbiddenRead")
        }
      />
    );
  const retry = <Button onClick={() => query.refetch()}>{t("common.retry")}</Button>;
  if (query.error && query.data !== undefined) {
    const at = query.dataUpdatedAt ? new Date(query.dataUpdatedAt).toLocaleTimeString() : "";
    const empty = props.isEmpty?.(query.data);
    return (
      <>
        <Alert
          type="warning"
          showIcon
          data-testid="stale-data"
          style={{ marginBottom: 12 }}
          title={t("common.stale", { message: query.error.message, time: at })}
          action={retry}
        />
        {empty ? <Empty description={t("common.empty")} /> : props.children(query.data)}
      </>
    );
  }
  if (query.error || query.data === undefined)
    return (
      <Alert
        type="error"
        showIcon
        title={t("common.error", { message: query.error?.message ?? "" })}
        action={retry}
      />
    );
  if (props.isEmpty?.(query.data)) return <Empty description={t("common.empty")} />;
  return <>{props.children(query.data)}</>;
}
