import { App, Button, Card, Form, type FormInstance, Space, Tag } from "antd";
import { type KeyboardEvent, type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client";
import { WriteError } from "../../components/ConflictAlert";
import { detailMessage } from "../../hooks/messages";
import { type FieldPath, placeDetails, type SectionKey, sectionBody } from "./settings-form";
import { useSaveSection } from "./use-save-settings";

/** Props of {@link SettingsSection}. */
export interface SettingsSectionProps {
  readonly section: SectionKey;
  /** The section's current value, as the form's fields hold it. */
  readonly initialValues: Record<string, unknown>;
  /** Shown, not changed (the caller may not write the settings). */
  readonly readOnly: boolean;
  /** The body to send from the form's values; blank fields left out when not given. */
  readonly toBody?: (values: Record<string, unknown>) => unknown;
  /** Made by the caller when it watches fields; else made here. */
  readonly form?: FormInstance;
  readonly children: ReactNode;
}

/**
 * Enter in a date field commits the typed date; it must not also submit the section (the browser
 * submits a form on Enter in any of its inputs), so the 保存 button stays the one way to save.
 */
function keepDateEnter(e: KeyboardEvent<HTMLFormElement>) {
  if (e.key === "Enter" && e.target instanceof Element && e.target.closest(".ant-picker")) e.preventDefault();
}

/**
 * One section of the settings as a card with its own form, saved on its own. The form is named
 * after the section, so each field's id is `<section>_<field>` (e.g. `lights_dispatchRound`); a
 * refused value shows beside its field in the UI's language, anything else below the form.
 */
export function SettingsSection(props: SettingsSectionProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [own] = Form.useForm();
  const form = props.form ?? own;
  const save = useSaveSection();
  const [dirty, setDirty] = useState(false);
  const { section } = props;
  const label = t(`adm.settings.sections.${section}`);
  const [unplaced, setUnplaced] = useState(false);
  useEffect(() => {
    if (!(save.error instanceof ApiError)) return setUnplaced(!!save.error);
    const fields = form.getFieldsError().map((f) => f.name as FieldPath);
    const placed = placeDetails(section, save.error.details, fields);
    form.setFields(
      placed.placed.map((p) => ({ name: p.name, errors: p.details.map((d) => detailMessage(d)) })),
    );
    setUnplaced(placed.unplaced.length > 0 || placed.placed.length === 0);
  }, [save.error, form, section]);
  // Once per change: a second Enter or click while the save is pending, or after it, sends nothing.
  const submit = (values: Record<string, unknown>) => {
    if (save.isPending) return;
    if (!dirty) return void message.info(t("adm.settings.unchanged", { section: label }));
    save.mutate(
      { section, body: props.toBody ? props.toBody(values) : sectionBody(section, values) },
      {
        onSuccess: () => {
          setDirty(false);
          void message.success(t("adm.settings.saved", { section: label }));
        },
      },
    );
  };
  return (
    <Card
      size="small"
      title={label}
      id={`settings-${section}`}
      data-section={section}
      style={{ marginBottom: 16 }}
    >
      <Form
        form={form}
        name={section}
        layout="vertical"
        disabled={props.readOnly}
        initialValues={props.initialValues}
        onValuesChange={() => setDirty(true)}
        onFinish={submit}
        onKeyDown={keepDateEnter}
      >
        {props.children}
        {props.readOnly ? null : (
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending} disabled={save.isPending}>
              {t("adm.settings.saveSection", { section: label })}
            </Button>
            {dirty ? <Tag color="orange">{t("adm.settings.unsaved")}</Tag> : null}
          </Space>
        )}
        {unplaced ? (
          <div style={{ marginTop: 12 }}>
            <WriteError error={save.error} />
          </div>
        ) : null}
      </Form>
    </Card>
  );
}
