import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ExtensionQueue } from "./ExtensionQueue";

/** A task force's 延期申请 tab: the pending ones (to decide, for its leads and the office), then the decided. */
export function TaskForceExtensions({ taskForceId }: { taskForceId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <ExtensionQueue filter={{ taskForceId }} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t("ext.decided")}
      </Typography.Title>
      <ExtensionQueue filter={{ taskForceId }} decided />
    </>
  );
}
