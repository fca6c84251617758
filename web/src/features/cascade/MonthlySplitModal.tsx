import { App, Button, Col, Form, InputNumber, Modal, Radio, Row, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { CascadeNode, MonthlySplitResult } from "../../../../src/shared/api/cascade";
import { WriteError } from "../../components/ConflictAlert";
import { fetchCascade } from "./api";
import { withUnit } from "./cascade-rows";
import { MonthPreviewTable } from "./MonthPreviewTable";
import { type MonthlySplitMethod, type MonthlyValues, monthlyBody, planDecimals } from "./split-form";
import { useSplitMonths } from "./use-cascade";
import { usePreviewSave } from "./use-preview-save";

const METHODS: readonly MonthlySplitMethod[] = ["working-days", "last-year", "profile"];
const MONTHS = Array.from({ length: 12 }, (_, k) => k);

type Basis = { values: MonthlyValues; version: number };

const status = (errors: readonly string[] | undefined) =>
  errors?.length ? { validateStatus: "error" as const, help: errors.join("；") } : {};

/**
 * 分解月度计划: spreads a cumulative indicator's annual target over its months — by the working
 * days of the calendar, by last year's monthly profile, or by twelve typed monthly amounts —,
 * previews the twelve months' plan to date (December the target), then saves it at the version
 * the preview used.
 */
export function MonthlySplitModal(props: { node: CascadeNode | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { node } = props;
  const [form] = Form.useForm<MonthlyValues>();
  const method = Form.useWatch("method", form) ?? "working-days";
  const flow = usePreviewSave<Basis, ReturnType<typeof monthlyBody>, MonthlySplitResult>({
    mutation: useSplitMonths(node?.indicatorId ?? ""),
    request: (b, dryRun) => monthlyBody(b.values, b.version, dryRun),
    onSaved: () => {
      void message.success(t("cas.months.saved", { code: node?.code ?? "" }));
      close();
    },
  });
  const close = () => {
    flow.reset();
    props.onClose();
  };
  const values = (): MonthlyValues => {
    const v = form.getFieldsValue();
    return { ...v, method: v.method ?? "working-days" };
  };
  const reapply = async () => {
    if (!node) return;
    const view = await fetchCascade(node.indicatorId);
    const now = view.nodes.find((n) => n.indicatorId === node.indicatorId);
    flow.previewWith({ values: values(), version: now?.version ?? node.version });
  };
  const errors = flow.fieldErrors;
  return (
    <Modal
      open={!!node}
      title={node ? t("cas.months.title", { code: node.code, name: node.name }) : ""}
      onCancel={close}
      width={720}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={close}>
          {t("common.cancel")}
        </Button>,
        <Button
          key="preview"
          data-testid="months-preview"
          loading={flow.pending && !flow.preview}
          onClick={() => node && flow.previewWith({ values: values(), version: node.version })}
        >
          {t("cas.split.preview")}
        </Button>,
        <Button
          key="save"
          type="primary"
          data-testid="months-save"
          disabled={!flow.preview}
          loading={flow.pending && !!flow.preview}
          onClick={flow.save}
        >
          {t("cas.split.save")}
        </Button>,
      ]}
    >
      <Typography.Paragraph>
        {t("cas.months.intro", { target: withUnit(node?.target ?? 0, node?.unit ?? ""), year: node?.year })}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          method: "working-days",
          decimals: node ? planDecimals(node.target, node.monthlyPlan) : undefined,
        }}
        onValuesChange={flow.changed}
      >
        <Form.Item
          name="method"
          label={t("cas.split.method")}
          extra={t(`cas.months.methodHint.${method}`)}
          {...status(errors.method)}
        >
          <Radio.Group
            optionType="button"
            options={METHODS.map((m) => ({ value: m, label: t(`cas.months.methods.${m}`) }))}
          />
        </Form.Item>
        {method === "profile" ? (
          <Form.Item label={t("cas.months.monthlyAmounts")} {...status(errors.monthly)}>
            <Row gutter={8}>
              {MONTHS.map((k) => (
                <Col key={k} xs={8} md={4}>
                  <Form.Item
                    name={["monthly", k]}
                    label={t("cas.months.month", { m: k + 1 })}
                    style={{ marginBottom: 8 }}
                    {...status(errors[`monthly.${k}`])}
                  >
                    <InputNumber style={{ width: "100%" }} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </Form.Item>
        ) : null}
        <Form.Item
          name="decimals"
          label={t("cas.split.decimals")}
          extra={t("cas.months.decimalsHint")}
          {...status(errors.decimals)}
        >
          <InputNumber style={{ width: 120 }} />
        </Form.Item>
      </Form>
      {flow.preview && node ? <MonthPreviewTable result={flow.preview} node={node} /> : null}
      <WriteError error={flow.shownError} onReapply={() => void reapply()} />
      {!flow.preview && !flow.shownError ? (
        <Typography.Text type="secondary">{t("cas.split.previewFirst")}</Typography.Text>
      ) : null}
    </Modal>
  );
}
