import { useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Col, Form, InputNumber, Row, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { CascadeNode } from "../../../../src/shared/api/cascade";
import { indicatorSchemas } from "../../../../src/shared/api/indicators";
import { fetchOrgUnits } from "../../api/data";
import { WriteError } from "../../components/ConflictAlert";
import { FormModal } from "../../components/FormModal";
import { useNames, useTaskForces } from "../../hooks/use-data";
import { useStatusDate } from "../../hooks/use-status-date";
import { zodRule } from "../../hooks/validate";
import { useGoals } from "../admin-org/use-org-admin";
import { BaselineTargetCols, CodeNameCols, KindCols, YearCol } from "../task-force/IndicatorFields";
import { personLabel, useCreateIndicator } from "../task-force/use-plan-edits";
import { nextShareCode } from "./share-form";

const f = indicatorSchemas.create.shape;

/**
 * 新增分解指标: a share of `parent` (层层衔接) with the parent's kind, direction, unit and year — of a
 * task force chosen among `taskForceIds` when the parent is district-level, else of the parent's
 * task force, held by a unit or street. With `parent` null: 新增区级指标, a district-level indicator
 * quantifying a goal. The server decides who may (the office for the district level and its
 * shares, a task force's lead for its own).
 */
export function ShareFormModal(props: {
  parent: CascadeNode | null;
  /** Codes already taken among the parent's shares (or the district's), for the suggested code. */
  siblingCodes: readonly string[];
  /** The task forces the caller may add a share to (a district parent). */
  taskForceIds: readonly string[];
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const names = useNames();
  const statusDate = useStatusDate();
  const tfs = useTaskForces().data?.items ?? [];
  const goals = useGoals().data?.items ?? [];
  const units = useQuery({ queryKey: ["org-units"], queryFn: fetchOrgUnits, staleTime: 600_000 }).data;
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const m = useCreateIndicator();
  const { parent } = props;
  const district = parent === null;
  const byDistrict = parent !== null && parent.taskForceId === null;
  const weighted = parent !== null && parent.kind !== "cumulative";
  const close = () => {
    m.reset();
    props.onClose();
  };
  const submit = (v: Record<string, unknown>) => {
    const body = {
      code: v.code,
      name: v.name,
      unit: (parent?.unit ?? v.unit ?? "") as string,
      kind: parent?.kind ?? v.kind,
      direction: parent?.direction ?? v.direction,
      year: parent?.year ?? v.year,
      baseline: v.baseline ?? null,
      target: v.target,
      ownerPersonId: v.ownerPersonId ?? null,
      orgUnitId: v.orgUnitId ?? null,
      weight: weighted ? (v.weight ?? null) : null,
      parentId: parent?.indicatorId ?? null,
      taskForceId: district ? null : byDistrict ? v.taskForceId : parent.taskForceId,
      goalId: district ? v.goalId : null,
    };
    m.mutate(body, {
      onSuccess: (ind) => {
        // The cascades are their own queries (the write refreshed the rest).
        void qc.invalidateQueries({ queryKey: ["cascade"] });
        void qc.invalidateQueries({ queryKey: ["indicator-cascades"] });
        void qc.invalidateQueries({ queryKey: ["goals"] });
        void message.success(t("plan.created", { code: ind.code }));
        close();
      },
    });
  };
  const title = parent
    ? t("cas.share.title", { code: parent.code, name: parent.name })
    : t("cas.share.districtTitle");
  return (
    <FormModal
      form={form}
      open={props.open}
      title={title}
      onCancel={close}
      onFinish={submit}
      pending={m.isPending}
      width={720}
      intro={parent ? t("cas.share.intro", { kind: t(`kinds.${parent.kind}`), unit: parent.unit }) : null}
      initialValues={{
        code: nextShareCode(parent?.code ?? null, props.siblingCodes),
        kind: "cumulative",
        direction: "up",
        year: Number(statusDate.slice(0, 4)),
        ...(byDistrict && props.taskForceIds.length === 1 ? { taskForceId: props.taskForceIds[0] } : {}),
      }}
      error={<WriteError error={m.error} />}
      failure={m.error}
    >
      <Row gutter={12}>
        <CodeNameCols />
      </Row>
      {district ? (
        <>
          <Form.Item name="goalId" label={t("cas.share.goal")} rules={[{ required: true }]}>
            <Select
              showSearch={{ optionFilterProp: "label" }}
              options={goals.map((g) => ({ value: g.id, label: `${g.code} ${g.title}` }))}
            />
          </Form.Item>
          <Row gutter={12}>
            <KindCols span={6} />
            <YearCol span={6} />
          </Row>
        </>
      ) : null}
      {byDistrict ? (
        <Form.Item name="taskForceId" label={t("cas.share.taskForce")} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            options={tfs
              .filter((x) => props.taskForceIds.includes(x.id))
              .map((x) => ({ value: x.id, label: `${x.code} ${x.name}` }))}
          />
        </Form.Item>
      ) : null}
      <Row gutter={12}>
        <BaselineTargetCols />
        {weighted ? (
          <Col span={8}>
            <Form.Item
              name="weight"
              label={t("cas.share.weight")}
              tooltip={t("cas.share.weightHint")}
              rules={[zodRule(f.weight, (v) => v ?? null)]}
            >
              <InputNumber min={0} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        ) : null}
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="orgUnitId" label={t("cas.share.orgUnit")}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              options={(units?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="ownerPersonId" label={t("plan.owner")}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              options={names.persons.map((p) => ({ value: p.id, label: personLabel(p) }))}
            />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
