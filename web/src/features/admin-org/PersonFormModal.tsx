import { App, Checkbox, Col, Form, Input, Row } from "antd";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { personSchemas } from "../../../../src/shared/api/org";
import type { OrgUnit, Person } from "../../api/types";
import { FormModal } from "../../components/FormModal";
import { orNull, zodRule } from "../../hooks/validate";
import { unitOptions } from "./org-options";
import { PickSelect } from "./PickSelect";
import { useSaveRecord } from "./use-org-admin";
import { useRecordForm } from "./use-record-form";

const f = personSchemas.create.shape;

/** What the person dialog does: add a person (in `unitId` when given) or edit `person`. */
export type PersonTarget = { readonly unitId: string | null } | { readonly person: Person };

/**
 * Makes a saved person the head of `unit` (a unit has no head until its people exist): a versioned
 * change of the unit after the person's own write; if refused, the person stays saved and says so.
 */
function useMakeHead() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveRecord<OrgUnit>("org-units");
  const run = (unit: OrgUnit, person: Person, then: () => void) =>
    save.mutate(
      { id: unit.id, body: { headPersonId: person.id, version: unit.version } },
      {
        onSuccess: () =>
          void message.success(t("org.person.headSet", { unit: unit.name, name: person.name })),
        onError: () => void message.error(t("org.person.headFailed", { unit: unit.name })),
        onSettled: then,
      },
    );
  return { run, pending: save.isPending };
}

/**
 * 新增人员 / 编辑人员: name, unit, post (岗位), phone and e-mail; when the unit has no head yet, a
 * tick makes the person its head.
 */
export function PersonFormModal(props: {
  readonly target: PersonTarget;
  readonly units: readonly OrgUnit[];
  readonly onClose: (saved?: Person) => void;
}) {
  const { t } = useTranslation();
  const person = "person" in props.target ? props.target.person : null;
  // The headless unit the person is to head, as it was when the form was sent.
  const headOf = useRef<OrgUnit | null>(null);
  const makeHead = useMakeHead();
  const rf = useRecordForm<Person>({
    resource: "persons",
    record: person,
    label: (p) => p.name,
    onClose: (saved) => {
      const who = saved ?? person;
      if (headOf.current && who) makeHead.run(headOf.current, who, () => props.onClose(saved));
      else props.onClose(saved);
    },
  });
  const unitId = Form.useWatch("orgUnitId", rf.form) as string | null | undefined;
  const headless = props.units.find((u) => u.id === unitId && !u.headPersonId) ?? null;
  const submit = ({ makeHead: tick, ...values }: Record<string, unknown>) => {
    headOf.current = tick && headless ? headless : null;
    rf.submit(values);
  };
  const initial = person ?? { orgUnitId: "unitId" in props.target ? props.target.unitId : null };
  return (
    <FormModal
      form={rf.form}
      open
      title={person ? t("org.person.editTitle", { name: person.name }) : t("org.person.addTitle")}
      onCancel={() => props.onClose()}
      onFinish={submit}
      pending={rf.pending || makeHead.pending}
      width={600}
      initialValues={initial}
      error={rf.error}
      failure={rf.failure}
    >
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item name="name" label={t("org.person.name")} rules={[zodRule(f.name)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="orgUnitId" label={t("org.person.unit")} htmlFor="org-person-unit">
            <PickSelect id="org-person-unit" options={unitOptions(props.units)} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="post"
        label={t("org.person.post")}
        extra={t("org.person.postHint")}
        rules={[zodRule(f.post, orNull)]}
      >
        <Input />
      </Form.Item>
      {headless ? (
        <Form.Item name="makeHead" valuePropName="checked" extra={t("org.person.makeHeadHint")}>
          <Checkbox id="org-person-make-head">{t("org.person.makeHead")}</Checkbox>
        </Form.Item>
      ) : null}
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item name="phone" label={t("org.person.phone")} rules={[zodRule(f.phone, orNull)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="email" label={t("org.person.email")} rules={[zodRule(f.email, orNull)]}>
            <Input type="email" />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
