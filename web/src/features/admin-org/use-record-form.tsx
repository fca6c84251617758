/** Hook: the shared behaviour of the unit, person and goal forms — create, versioned edit, reapply. */
import { App, Form } from "antd";
import { useTranslation } from "react-i18next";
import { WriteError } from "../../components/ConflictAlert";
import { changedFields, createBody, type TreeRecord, type TreeTarget } from "./org-tree";
import { type OrgResource, useSaveRecord } from "./use-org-admin";

/** A record the form edits (null: the form creates one). */
type Versioned = { readonly id: string; readonly version: number } & Readonly<Record<string, unknown>>;

/**
 * The form and write of one dialog: a create sends the filled fields (empty ones take the API's
 * defaults); an edit sends the changed fields with the record's `version` (nothing changed: the
 * dialog just closes). `label(saved)` names the record in the success message.
 */
export function useRecordForm<T extends { id: string }>(props: {
  readonly resource: OrgResource;
  readonly record: Versioned | null;
  readonly label: (saved: T) => string;
  readonly onClose: (saved?: T) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const save = useSaveRecord<T>(props.resource);
  const { record } = props;
  const done = (saved: T) => {
    void message.success(t(record ? "org.saved" : "org.created", { name: props.label(saved) }));
    props.onClose(saved);
  };
  const submit = (values: Record<string, unknown>) => {
    if (!record) return save.mutate({ body: createBody(values) }, { onSuccess: done });
    const changes = changedFields(record, values);
    if (!Object.keys(changes).length) return props.onClose();
    save.mutate({ id: record.id, body: { ...changes, version: record.version } }, { onSuccess: done });
  };
  const error = (
    <WriteError
      error={save.error}
      onReapply={() => void save.reapply({ onSuccess: done })}
      onDiscard={() => props.onClose()}
    />
  );
  return { form, submit, pending: save.isPending, failure: save.error, error };
}

/**
 * {@link useRecordForm} of a tree's dialog (units, goals): the record `target` edits or the parent
 * it adds below, and the dialog's title from the `words` prefix ("org.unit": editTitle {{name}},
 * addChildTitle {{parent}}, addTitle), each record named by `label`.
 */
export function useTreeForm<T extends Versioned & TreeRecord>(props: {
  readonly resource: OrgResource;
  readonly target: TreeTarget<T>;
  readonly words: string;
  readonly label: (record: T) => string;
  readonly onClose: (saved?: T) => void;
}) {
  const { t } = useTranslation();
  const record = "record" in props.target ? props.target.record : null;
  const parent = "parent" in props.target ? props.target.parent : null;
  const rf = useRecordForm<T>({
    resource: props.resource,
    record,
    label: props.label,
    onClose: props.onClose,
  });
  const w = props.words;
  const title = record
    ? t(`${w}.editTitle`, { name: props.label(record) })
    : parent
      ? t(`${w}.addChildTitle`, { parent: props.label(parent) })
      : t(`${w}.addTitle`);
  // The FormModal props every tree dialog passes alike.
  const modal = {
    form: rf.form,
    open: true,
    title,
    onCancel: () => props.onClose(),
    onFinish: rf.submit,
    pending: rf.pending,
    error: rf.error,
    failure: rf.failure,
  };
  return { record, parent, modal };
}
