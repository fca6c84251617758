import { Col, Form, Input, Row, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { zodRule } from "../../hooks/validate";
import type { PickOption } from "./org-options";
import { PickSelect } from "./PickSelect";

/** Props of {@link TreeFormHead}. */
export interface TreeFormHeadProps {
  /**
   * The i18n prefix of the labels ("org.unit"): code, parent, parentHint, and one a field named
   * by `nameField` and `kindField`. Its dashed form names the Selects' ids (`org-unit-parent`).
   */
  readonly words: string;
  /** The API's schemas of the code, name and kind fields, which check them. */
  readonly schemas: { readonly code: z.ZodType; readonly name: z.ZodType; readonly kind: z.ZodType };
  /** The name field (`name`, `title`) and the kind field (`kind`, `level`) with its options. */
  readonly nameField: string;
  readonly kindField: string;
  readonly kindOptions: readonly PickOption[];
  /** The parents offered (a record being edited and what is below it left out). */
  readonly parentOptions: readonly PickOption[];
  /** The left column's width of 24; the name and parent take the rest. */
  readonly span: number;
  readonly codePlaceholder?: string;
}

/** The first rows of a unit's or goal's form: code and name, then kind and parent. */
export function TreeFormHead(props: TreeFormHeadProps) {
  const { t } = useTranslation();
  const { words: w, schemas, nameField, kindField, span } = props;
  const id = w.replace(/\./g, "-");
  return (
    <>
      <Row gutter={12}>
        <Col span={span}>
          <Form.Item name="code" label={t(`${w}.code`)} rules={[zodRule(schemas.code)]}>
            <Input placeholder={props.codePlaceholder} />
          </Form.Item>
        </Col>
        <Col span={24 - span}>
          <Form.Item name={nameField} label={t(`${w}.${nameField}`)} rules={[zodRule(schemas.name)]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={span}>
          <Form.Item
            name={kindField}
            label={t(`${w}.${kindField}`)}
            htmlFor={`${id}-${kindField}`}
            rules={[zodRule(schemas.kind)]}
          >
            <Select id={`${id}-${kindField}`} options={[...props.kindOptions]} />
          </Form.Item>
        </Col>
        <Col span={24 - span}>
          <Form.Item
            name="parentId"
            label={t(`${w}.parent`)}
            htmlFor={`${id}-parent`}
            extra={t(`${w}.parentHint`)}
          >
            <PickSelect id={`${id}-parent`} options={[...props.parentOptions]} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
