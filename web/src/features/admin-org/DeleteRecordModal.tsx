import { Alert, App, Modal, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { WriteError } from "../../components/ConflictAlert";
import { explainDeleteRefusal } from "./org-errors";
import { type OrgResource, useDeleteRecord } from "./use-org-admin";

/** Props of {@link DeleteRecordModal}. */
export interface DeleteRecordModalProps {
  readonly resource: OrgResource;
  /** The record shown: deleted at this version. */
  readonly record: { readonly id: string; readonly version: number };
  /** The dialog's title (删除单位 …). */
  readonly title: string;
  /** The record's name in the question and the success message. */
  readonly name: string;
  /** Names of the records that refer by `path` (`persons.orgUnitId`), when the screen knows them. */
  readonly names?: (path: string) => readonly string[];
  readonly onClose: () => void;
}

/**
 * Asks before deleting a unit, person or goal; the OK button deletes. A refusal stays in the dialog:
 * what still refers to the record, named in the UI language, or the reload-and-reapply choice
 * when someone changed it meanwhile.
 */
export function DeleteRecordModal(props: DeleteRecordModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const del = useDeleteRecord(props.resource);
  const done = () => {
    void message.success(t("org.deleted", { name: props.name }));
    props.onClose();
  };
  const refusal = explainDeleteRefusal(del.error, t, props.names);
  return (
    <Modal
      open
      title={props.title}
      okText={t("org.delete")}
      okButtonProps={{ danger: true }}
      cancelText={t("common.cancel")}
      confirmLoading={del.isPending}
      onOk={() => del.mutate({ id: props.record.id, version: props.record.version }, { onSuccess: done })}
      onCancel={props.onClose}
    >
      <Typography.Paragraph>{t("org.deleteBody", { name: props.name })}</Typography.Paragraph>
      {refusal ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="org-delete-refusal"
          title={refusal.title}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {refusal.items.map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ul>
          }
        />
      ) : (
        <WriteError
          error={del.error}
          onReapply={() => void del.reapply({ onSuccess: done })}
          onDiscard={props.onClose}
        />
      )}
    </Modal>
  );
}
