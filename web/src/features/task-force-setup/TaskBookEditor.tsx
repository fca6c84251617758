import { EditOutlined } from "@ant-design/icons";
import { App, Button, Col, Form, Input, Row, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { taskBookUpdate, taskForceStatuses } from "../../../../src/shared/api/task-forces";
import type { TaskForce } from "../../api/types";
import { WriteError } from "../../components/ConflictAlert";
import { DateField } from "../../components/DateField";
import { FormModal } from "../../components/FormModal";
import { useCan } from "../../hooks/use-can";
import { orNull, zodRule } from "../../hooks/validate";
import { GoalTreeSelect, PersonSelect, UnitSelect } from "./pickers";
import { taskBookChanges, taskBookValues } from "./task-book-form";
import { usePatchTaskBook } from "./use-task-force-setup";

const f = taskBookUpdate.shape;
/** Each control's id (`tbk_<field>`), tied to its label. */
const item = (name: string) => ({ name, htmlFor: `tbk_${name}` });
const TEXTS = ["objective", "scope", "measures", "guarantees"] as const;

/**
 * 编辑任务书: the task book's text (工作目标, 工作范围, 工作举措, 保障措施), period, lead leader, units,
 * goals and status in one form, sent as the changed fields at the task force's version; after a
 * conflict the same changes can be reapplied to the latest version. Shown to those who may edit it.
 */
export function TaskBookEditor({ taskForce }: { taskForce: TaskForce }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const may = useCan().editTaskBook(taskForce.id);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const book = usePatchTaskBook();
  if (!may) return null;
  const close = () => {
    book.reset();
    setOpen(false);
  };
  const done = () => {
    void message.success(t("common.saved"));
    close();
  };
  const submit = (values: Record<string, unknown>) => {
    const changes = taskBookChanges(taskForce, values);
    if (Object.keys(changes).length === 0) return done();
    book.mutate({ id: taskForce.id, body: { ...changes, version: taskForce.version } }, { onSuccess: done });
  };
  return (
    <>
      <Button icon={<EditOutlined />} onClick={() => setOpen(true)} data-testid="edit-task-book">
        {t("tfs.editBook")}
      </Button>
      <FormModal
        form={form}
        open={open}
        title={t("tfs.editBookTitle", { code: taskForce.code, name: taskForce.name })}
        onCancel={close}
        onFinish={submit}
        pending={book.isPending}
        okText={t("common.save")}
        width={820}
        initialValues={taskBookValues(taskForce)}
        error={<WriteError error={book.error} onReapply={() => void book.reapply({ onSuccess: done })} />}
        failure={book.error}
      >
        {TEXTS.map((name) => (
          <Form.Item key={name} {...item(name)} label={t(`tfs.${name}`)} rules={[zodRule(f[name], orNull)]}>
            <Input.TextArea id={`tbk_${name}`} autoSize={{ minRows: 3, maxRows: 10 }} />
          </Form.Item>
        ))}
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              {...item("startDate")}
              label={t("tfs.startDate")}
              rules={[zodRule(f.startDate, orNull)]}
            >
              <DateField id="tbk_startDate" style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item {...item("deadline")} label={t("tfs.deadline")} rules={[zodRule(f.deadline, orNull)]}>
              <DateField id="tbk_deadline" style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item {...item("status")} label={t("tfs.status")} rules={[zodRule(f.status)]}>
              <Select
                id="tbk_status"
                options={taskForceStatuses.map((s) => ({ value: s, label: t(`tfs.statuses.${s}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item {...item("leadLeaderId")} label={t("tfs.leadLeader")}>
              <PersonSelect id="tbk_leadLeaderId" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item {...item("leadUnitId")} label={t("tfs.leadUnit")}>
              <UnitSelect id="tbk_leadUnitId" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item {...item("coUnitIds")} label={t("tfs.coUnits")}>
          <UnitSelect id="tbk_coUnitIds" multiple />
        </Form.Item>
        <Form.Item {...item("goalIds")} label={t("tfs.goals")}>
          <GoalTreeSelect id="tbk_goalIds" />
        </Form.Item>
      </FormModal>
    </>
  );
}
