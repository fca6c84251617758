import { Col, Form, InputNumber, Row } from "antd";
import { useTranslation } from "react-i18next";
import { orgUnitKinds, orgUnitSchemas } from "../../../../src/shared/api/org";
import type { OrgUnit, Person } from "../../api/types";
import { FormModal } from "../../components/FormModal";
import { zodRule } from "../../hooks/validate";
import { personOptions, unitOptions } from "./org-options";
import { childKind, nextChildCode, subtreeIds, type TreeTarget } from "./org-tree";
import { PickSelect } from "./PickSelect";
import { TreeFormHead } from "./TreeFormHead";
import { useTreeForm } from "./use-record-form";

const f = orgUnitSchemas.create.shape;

/** 新增单位 / 编辑单位: code, name, kind, parent, order and head (负责人). */
export function UnitFormModal(props: {
  readonly target: TreeTarget<OrgUnit>;
  readonly units: readonly OrgUnit[];
  readonly persons: readonly Person[];
  readonly onClose: (saved?: OrgUnit) => void;
}) {
  const { t } = useTranslation();
  const {
    record: unit,
    parent,
    modal,
  } = useTreeForm<OrgUnit>({
    resource: "org-units",
    target: props.target,
    words: "org.unit",
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
  return (
    <FormModal {...modal} width={640} initialValues={initial}>
      <TreeFormHead
        words="org.unit"
        schemas={{ code: f.code, name: f.name, kind: f.kind }}
        nameField="name"
        kindField="kind"
        kindOptions={orgUnitKinds.map((k) => ({ value: k, label: t(`org.kinds.${k}`) }))}
        parentOptions={unitOptions(props.units, unit ? subtreeIds(props.units, unit.id) : new Set())}
        span={10}
        codePlaceholder={t("org.unit.codePlaceholder")}
      />
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
