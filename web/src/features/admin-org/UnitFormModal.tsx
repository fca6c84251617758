import { Col, Form, Input, InputNumber, Row, Select } from "antd";
import { useTranslation } from "react-i18next";
import { orgUnitKinds, orgUnitSchemas } from "../../../../src/shared/api/org";
import type { OrgUnit, Person } from "../../api/types";
import { FormModal } from "../../components/FormModal";
import { zodRule } from "../../hooks/validate";
import { personOptions, unitOptions } from "./org-options";
import { childKind, nextChildCode, subtreeIds } from "./org-tree";
import { PickSelect } from "./PickSelect";
import { useRecordForm } from "./use-record-form";

const f = orgUnitSchemas.create.shape;

/** What the unit dialog does: add a unit (under `parent` when given) or edit `unit`. */
export type UnitTarget = { readonly parent: OrgUnit | null } | { readonly unit: OrgUnit };

/** 新增单位 / 编辑单位: code, name, kind, parent, order and head (负责人). */
export function UnitFormModal(props: {
  readonly target: UnitTarget;
  readonly units: readonly OrgUnit[];
  readonly persons: readonly Person[];
  readonly onClose: (saved?: OrgUnit) => void;
}) {
  const { t } = useTranslation();
  const unit = "unit" in props.target ? props.target.unit : null;
  const parent = "parent" in props.target ? props.target.parent : null;
  const rf = useRecordForm<OrgUnit>({
    resource: "org-units",
    record: unit,
    label: (u) => u.name,
    onClose: props.onClose,
  });
  const siblings = props.units.filter((u) => u.parentId === (parent?.id ?? null));
  const initial = unit ?? {
    code: nextChildCode(
      parent?.code ?? null,
      siblings.map((u) => u.code),
      "-",
    ),
    kind: childKind(
      parent?.kind ?? null,
      siblings.map((u) => u.kind),
    ),
    parentId: parent?.id ?? null,
    sort: siblings.length ? Math.max(...siblings.map((u) => u.sort)) + 1 : 0,
  };
  const title = unit
    ? t("org.unit.editTitle", { name: unit.name })
    : parent
      ? t("org.unit.addChildTitle", { parent: parent.name })
      : t("org.unit.addTitle");
  return (
    <FormModal
      form={rf.form}
      open
      title={title}
      onCancel={() => props.onClose()}
      onFinish={rf.submit}
      pending={rf.pending}
      width={640}
      initialValues={initial}
      error={rf.error}
      failure={rf.failure}
    >
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item name="code" label={t("org.unit.code")} rules={[zodRule(f.code)]}>
            <Input placeholder={t("org.unit.codePlaceholder")} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="name" label={t("org.unit.name")} rules={[zodRule(f.name)]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item name="kind" label={t("org.unit.kind")} htmlFor="org-unit-kind" rules={[zodRule(f.kind)]}>
            <Select
              id="org-unit-kind"
              options={orgUnitKinds.map((k) => ({ value: k, label: t(`org.kinds.${k}`) }))}
            />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item
            name="parentId"
            label={t("org.unit.parent")}
            htmlFor="org-unit-parent"
            extra={t("org.unit.parentHint")}
          >
            <PickSelect
              id="org-unit-parent"
              options={unitOptions(props.units, unit ? subtreeIds(props.units, unit.id) : new Set())}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item
            name="sort"
            label={t("org.unit.sort")}
            normalize={(v: number | null) => v ?? 0}
            rules={[zodRule(f.sort)]}
          >
            <InputNumber min={0} precision={0} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item
            name="headPersonId"
            label={t("org.unit.head")}
            htmlFor="org-unit-head"
            extra={t("org.unit.headHint")}
          >
            <PickSelect
              id="org-unit-head"
              options={personOptions(props.persons, props.units, unit?.id ?? null)}
            />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
