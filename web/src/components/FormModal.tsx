import { Form, type FormInstance, type FormProps, Modal } from "antd";
import { type ReactNode, useEffect, useLayoutEffect } from "react";
import { useTranslation } from "react-i18next";
import { detailField } from "../../../src/shared/field-labels";
import { ApiError } from "../api/client";
import { detailMessage } from "../hooks/messages";
import { useIsPhone } from "../hooks/use-is-phone";

/** Props of {@link FormModal}. */
export interface FormModalProps {
  /** Made by the caller with `Form.useForm()`, so that it can watch and set fields. */
  readonly form: FormInstance;
  readonly open: boolean;
  readonly title: string;
  /** Cancel and the close button; the caller decides whether the write's error is reset too. */
  readonly onCancel: () => void;
  /** Called with the form's values once every field rule passes. */
  readonly onFinish: (values: Record<string, unknown>) => void;
  /** The write is under way: the OK button spins. */
  readonly pending: boolean;
  /** The OK button's text; 提交 when not given. */
  readonly okText?: string;
  /** OK cannot be pressed (e.g. the caller may not make this write). */
  readonly okDisabled?: boolean;
  /** The modal's width in px; antd's default when not given. */
  readonly width?: number;
  readonly initialValues?: FormProps["initialValues"];
  readonly onValuesChange?: (changed: Record<string, unknown>) => void;
  /** Shown above the form, e.g. the record an action is about. */
  readonly intro?: ReactNode;
  /** The write's error, shown below the form. */
  readonly error: ReactNode;
  /**
   * The write's error as it came: each of its details that names a field of this form is also shown
   * beside that field, in the UI's language.
   */
  readonly failure?: unknown;
  /** The form's items. */
  readonly children: ReactNode;
}

/**
 * A modal around one vertical form: OK submits the form, the button spins while the write is
 * pending, the write's error shows below the form, and the fields start afresh at each opening
 * (destroyed when hidden, not preserved). On a phone it fills the screen (features/phone/phone.css).
 */
export function FormModal(props: FormModalProps) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const { form, failure } = props;
  // The form instance outlives the dialog: at a new opening rc-field-form merges the new initial
  // values *under* what it kept from the last one (each field reset to that opening's initial
  // value), so the second task's dialog showed the first task's values. Set them explicitly.
  // biome-ignore lint/correctness/useExhaustiveDependencies: at each opening, not at each new object
  useLayoutEffect(() => {
    if (props.open && props.initialValues) form.setFieldsValue(props.initialValues);
  }, [props.open, form]);
  useEffect(() => {
    if (!(failure instanceof ApiError) || !props.open) return;
    const fields = new Set(Object.keys(form.getFieldsValue()));
    const byField = new Map<string, string[]>();
    for (const d of failure.details) {
      const name = detailField(d.path).field;
      if (fields.has(name)) byField.set(name, [...(byField.get(name) ?? []), detailMessage(d)]);
    }
    if (byField.size) form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  }, [failure, form, props.open]);
  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onCancel}
      onOk={() => form.submit()}
      okText={props.okText ?? t("common.submit")}
      cancelText={t("common.cancel")}
      confirmLoading={props.pending}
      okButtonProps={{ disabled: props.okDisabled }}
      width={phone ? "100%" : props.width}
      rootClassName={phone ? "phone-modal" : undefined}
      destroyOnHidden
    >
      {props.intro}
      <Form
        form={form}
        layout="vertical"
        onFinish={props.onFinish}
        onValuesChange={props.onValuesChange}
        initialValues={props.initialValues}
        preserve={false}
      >
        {props.children}
      </Form>
      {props.error}
    </Modal>
  );
}
