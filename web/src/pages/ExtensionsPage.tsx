import { Card, Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { ExtensionQueue } from "../features/extensions/ExtensionQueue";

/** 待审批延期: the 延期申请 a lead or the supervision office may decide, and those decided. */
export function ExtensionsPage() {
  const { t } = useTranslation();
  return (
    <Card title={t("ext.queue")}>
      <Tabs
        items={[
          { key: "pending", label: t("ext.states.pending"), children: <ExtensionQueue filter={{}} /> },
          { key: "decided", label: t("ext.decided"), children: <ExtensionQueue filter={{}} decided /> },
        ]}
      />
    </Card>
  );
}
