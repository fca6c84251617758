/**
 * The field steps of the setup wizard: basics, members on their posts, goals served. Every control
 * has a label and an id of the form `tfs_<field>` (`tfs_members_1_personId` for a member's), made by
 * the form's name.
 */
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Col, Form, Input, Row, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { memberRoles, memberSchemas, taskForceSchemas } from "../../../../src/shared/api/task-forces";
import { DateField } from "../../components/DateField";
import { orNull, zodRule } from "../../hooks/validate";
import { GoalTreeSelect, PersonSelect, UnitSelect } from "./pickers";

/** The wizard form's name: the prefix of every control's id. */
export const SETUP_FORM = "tfs";
const id = (...path: (string | number)[]) => [SETUP_FORM, ...path].join("_");
const f = taskForceSchemas.create.shape;
const m = memberSchemas.create.shape;
const FIELDSET = { border: "1px solid #f0f0f0", borderRadius: 8, padding: "4px 12px 0", marginBottom: 12 };
const LEGEND = { width: "auto", padding: "0 6px", marginBottom: 0, fontSize: 14, border: 0 };

/** 基本信息: name, code, lead leader, lead unit, co-units, period, objective. */
export function BasicsStep() {
  const { t } = useTranslation();
  return (
    <>
      <Row gutter={16}>
        <Col span={16}>
          <Form.Item name="name" label={t("tfs.name")} rules={[zodRule(f.name)]}>
            <Input id={id("name")} maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="code" label={t("tfs.code")} rules={[zodRule(f.code)]}>
            <Input id={id("code")} maxLength={20} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="leadLeaderId"
            label={t("tfs.leadLeader")}
            rules={[zodRule(f.leadLeaderId, orNull)]}
          >
            <PersonSelect id={id("leadLeaderId")} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="leadUnitId" label={t("tfs.leadUnit")} rules={[zodRule(f.leadUnitId, orNull)]}>
            <UnitSelect id={id("leadUnitId")} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="coUnitIds" label={t("tfs.coUnits")}>
        <UnitSelect id={id("coUnitIds")} multiple />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="startDate" label={t("tfs.startDate")} rules={[zodRule(f.startDate, orNull)]}>
            <DateField id={id("startDate")} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="deadline" label={t("tfs.deadline")} rules={[zodRule(f.deadline, orNull)]}>
            <DateField id={id("deadline")} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="objective" label={t("tfs.objective")} rules={[zodRule(f.objective, orNull)]}>
        <Input.TextArea id={id("objective")} autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
    </>
  );
}

/** 成员与岗位: rows of person, post, role and duties; rows are added and removed. */
export function MembersStep() {
  const { t } = useTranslation();
  const roles = memberRoles.map((r) => ({ value: r, label: t(`plan.roles.${r}`) }));
  return (
    <Form.List name="members">
      {(rows, { add, remove }) => (
        <>
          <Typography.Paragraph type="secondary">
            {rows.length ? t("tfs.leadHint") : t("tfs.noMembers")}
          </Typography.Paragraph>
          {rows.map((row, i) => (
            <fieldset key={row.key} style={FIELDSET} data-testid={`tfs-member-${i}`}>
              <legend style={LEGEND}>{t("tfs.member", { n: i + 1 })}</legend>
              <Row gutter={12} align="bottom">
                <Col span={7}>
                  <Form.Item
                    name={[row.name, "personId"]}
                    label={t("tfs.person")}
                    rules={[zodRule(m.personId)]}
                  >
                    <PersonSelect id={id("members", row.name, "personId")} />
                  </Form.Item>
                </Col>
                <Col span={7}>
                  <Form.Item name={[row.name, "post"]} label={t("tfs.post")} rules={[zodRule(m.post)]}>
                    <Input id={id("members", row.name, "post")} maxLength={100} />
                  </Form.Item>
                </Col>
                <Col span={7}>
                  <Form.Item name={[row.name, "role"]} label={t("tfs.role")} rules={[zodRule(m.role)]}>
                    <Select id={id("members", row.name, "role")} options={roles} />
                  </Form.Item>
                </Col>
                <Col span={3}>
                  <Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={t("tfs.removeMember", { n: i + 1 })}
                      title={t("tfs.removeMember", { n: i + 1 })}
                      onClick={() => remove(row.name)}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                name={[row.name, "duties"]}
                label={t("tfs.duties")}
                rules={[zodRule(m.duties, orNull)]}
              >
                <Input id={id("members", row.name, "duties")} maxLength={2000} />
              </Form.Item>
            </fieldset>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: "member" })} block>
            {t("tfs.addMember")}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** 服务目标: goals served, from the goal tree. */
export function GoalsStep() {
  const { t } = useTranslation();
  return (
    <Form.Item name="goalIds" label={t("tfs.goals")} extra={t("tfs.goalsHint")}>
      <GoalTreeSelect id={id("goalIds")} />
    </Form.Item>
  );
}
