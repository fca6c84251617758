/**
 * The fields an indicator's forms share (新增指标 on a task force, 新增区级指标 and 新增分解 on a
 * cascade): as antd `Col`s, each form lays them out in its own rows.
 */
import { Col, Form, Input, InputNumber, Select } from "antd";
import { useTranslation } from "react-i18next";
import { indicatorDirections, indicatorKinds, indicatorSchemas } from "../../../../src/shared/api/indicators";
import { zodRule } from "../../hooks/validate";

const f = indicatorSchemas.create.shape;

/** 指标编号 and 指标名称. */
export function CodeNameCols() {
  const { t } = useTranslation();
  return (
    <>
      <Col span={8}>
        <Form.Item name="code" label={t("plan.indCode")} rules={[zodRule(f.code)]}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={16}>
        <Form.Item name="name" label={t("plan.indName")} rules={[zodRule(f.name)]}>
          <Input />
        </Form.Item>
      </Col>
    </>
  );
}

/** 指标类型, 方向 and 计量单位, each `span` wide. */
export function KindCols({ span }: { span: number }) {
  const { t } = useTranslation();
  return (
    <>
      <Col span={span}>
        <Form.Item name="kind" label={t("plan.kind")} rules={[zodRule(f.kind)]}>
          <Select options={indicatorKinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name="direction" label={t("plan.direction")} rules={[zodRule(f.direction)]}>
          <Select
            options={indicatorDirections.map((d) => ({ value: d, label: t(`plan.directions.${d}`) }))}
          />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name="unit" label={t("plan.measureUnit")} rules={[zodRule(f.unit, (v) => v ?? "")]}>
          <Input />
        </Form.Item>
      </Col>
    </>
  );
}

/** 年度, `span` wide. */
export function YearCol({ span }: { span: number }) {
  const { t } = useTranslation();
  return (
    <Col span={span}>
      <Form.Item name="year" label={t("plan.year")} rules={[zodRule(f.year)]}>
        <InputNumber precision={0} style={{ width: "100%" }} />
      </Form.Item>
    </Col>
  );
}

/** 基期值 and 目标值, a third of the row each. */
export function BaselineTargetCols() {
  const { t } = useTranslation();
  return (
    <>
      <Col span={8}>
        <Form.Item name="baseline" label={t("plan.baseline")} rules={[zodRule(f.baseline, (v) => v ?? null)]}>
          <InputNumber style={{ width: "100%" }} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="target" label={t("plan.target")} rules={[zodRule(f.target)]}>
          <InputNumber style={{ width: "100%" }} />
        </Form.Item>
      </Col>
    </>
  );
}
