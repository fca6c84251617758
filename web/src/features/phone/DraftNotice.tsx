import { Alert, Button, Flex } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import type { ReportDraft } from "./report-drafts";

/**
 * Above the progress-report form: that the browser is offline (submitting then keeps the report
 * waiting), that a draft was restored (with a way to discard it), or that the report waits.
 */
export function DraftNotice(props: {
  online: boolean;
  restored: ReportDraft | undefined;
  draft: ReportDraft | undefined;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  const { restored, draft } = props;
  return (
    <Flex vertical gap={8} style={{ marginBottom: 12 }}>
      {props.online ? null : <Alert type="warning" showIcon title={t("phone.offline")} data-offline-notice />}
      {draft?.state === "waiting" ? <Alert type="info" showIcon title={t("phone.waitingHint")} /> : null}
      {draft?.state === "refused" ? <Alert type="error" showIcon title={t("phone.refusedHint")} /> : null}
      {restored ? (
        <Alert
          type="info"
          showIcon
          data-draft-restored
          title={t("phone.restored", { time: dayjs(restored.savedAt).format("YYYY-MM-DD HH:mm") })}
          action={
            <Button size="small" type="link" onClick={props.onDiscard} data-discard-draft>
              {t("phone.discard")}
            </Button>
          }
        />
      ) : null}
    </Flex>
  );
}
