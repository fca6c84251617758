import { App, Button, Form, InputNumber, Modal, Radio, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { CascadeNode, SplitResult } from "../../../../src/shared/api/cascade";
import { WriteError } from "../../components/ConflictAlert";
import { fetchCascade } from "./api";
import { withUnit } from "./cascade-rows";
import { SplitPreviewTable } from "./SplitPreviewTable";
import { decimalsOf, type SplitValues, splitBody, type TargetSplitMethod } from "./split-form";
import { useSplitTarget } from "./use-cascade";
import { usePreviewSave } from "./use-preview-save";

const METHODS: readonly TargetSplitMethod[] = ["even", "last-year", "shares"];

type Basis = { values: SplitValues; children: readonly CascadeNode[] };

/** Beside a field: its refusals, if any. */
const status = (errors: readonly string[] | undefined) =>
  errors?.length ? { validateStatus: "error" as const, help: errors.join("；") } : {};

/**
 * 分解目标: splits `parent`'s target among its shares — evenly, by last year's actuals (their
 * baselines) or by typed shares —, previews the new targets and their total against the target,
 * then saves them at the versions the preview used.
 */
export function SplitTargetModal(props: {
  parent: CascadeNode | null;
  shares: readonly CascadeNode[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { parent, shares } = props;
  const [form] = Form.useForm<SplitValues>();
  const method = Form.useWatch("method", form) ?? "even";
  const flow = usePreviewSave<Basis, ReturnType<typeof splitBody>, SplitResult>({
    mutation: useSplitTarget(parent?.indicatorId ?? ""),
    request: (b, dryRun) => splitBody(b.values, b.children, dryRun),
    onSaved: () => {
      void message.success(t("cas.split.saved", { code: parent?.code ?? "" }));
      close();
    },
  });
  const close = () => {
    flow.reset();
    props.onClose();
  };
  const values = (): SplitValues => {
    const v = form.getFieldsValue();
    return { ...v, method: v.method ?? "even" };
  };
  // After a conflict: the shares as they are now, and the same split previewed at their versions.
  const reapply = async () => {
    if (!parent) return;
    const view = await fetchCascade(parent.indicatorId);
    flow.previewWith({
      values: values(),
      children: view.nodes.filter((n) => n.parentId === parent.indicatorId),
    });
  };
  const unit = parent?.unit ?? "";
  return (
    <Modal
      open={!!parent}
      title={parent ? t("cas.split.title", { code: parent.code, name: parent.name }) : ""}
      onCancel={close}
      width={760}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={close}>
          {t("common.cancel")}
        </Button>,
        <Button
          key="preview"
          data-testid="split-preview"
          loading={flow.pending && !flow.preview}
          onClick={() => flow.previewWith({ values: values(), children: shares })}
        >
          {t("cas.split.preview")}
        </Button>,
        <Button
          key="save"
          type="primary"
          data-testid="split-save"
          disabled={!flow.preview}
          loading={flow.pending && !!flow.preview}
          onClick={flow.save}
        >
          {t("cas.split.save")}
        </Button>,
      ]}
    >
      <Typography.Paragraph>
        {t("cas.split.intro", { target: withUnit(parent?.target ?? 0, unit), n: shares.length })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ method: "even" }} onValuesChange={flow.changed}>
        <Form.Item
          name="method"
          label={t("cas.split.method")}
          extra={t(`cas.split.methodHint.${method}`)}
          {...status(flow.fieldErrors.method)}
        >
          <Radio.Group
            optionType="button"
            options={METHODS.map((m) => ({ value: m, label: t(`cas.split.methods.${m}`) }))}
          />
        </Form.Item>
        <div data-testid="split-shares">
          <Table<CascadeNode>
            size="small"
            rowKey="indicatorId"
            pagination={false}
            dataSource={[...shares]}
            columns={[
              { title: t("cas.split.child"), render: (_, s) => `${s.code} ${s.name}` },
              { title: t("cas.split.currentTarget"), width: 110, render: (_, s) => withUnit(s.target, unit) },
              {
                title: t("cas.split.baseline"),
                width: 150,
                // By last year's actuals, a share without one is refused beside its baseline.
                render: (_, s, k) => (
                  <Form.Item
                    style={{ margin: 0 }}
                    {...(method === "shares" ? {} : status(flow.fieldErrors[`shares.${k}`]))}
                  >
                    {s.baseline === null ? "—" : withUnit(s.baseline, unit)}
                  </Form.Item>
                ),
              },
              {
                title: t("cas.split.share"),
                width: 170,
                // The typed shares only when splitting by them (the form keeps them meanwhile).
                hidden: method !== "shares",
                render: (_, s, k) => (
                  <Form.Item
                    name={["shares", k]}
                    style={{ margin: 0 }}
                    {...status(flow.fieldErrors[`shares.${k}`])}
                  >
                    <InputNumber
                      aria-label={t("cas.split.shareOf", { code: s.code })}
                      style={{ width: 140 }}
                    />
                  </Form.Item>
                ),
              },
            ]}
          />
        </div>
        <Form.Item
          name="decimals"
          label={t("cas.split.decimals")}
          extra={t("cas.split.decimalsHint", { n: parent ? decimalsOf(parent.target) : 0 })}
          style={{ marginTop: 12 }}
          {...status(flow.fieldErrors.decimals)}
        >
          <InputNumber style={{ width: 120 }} />
        </Form.Item>
      </Form>
      {flow.preview && parent ? <SplitPreviewTable result={flow.preview} parent={parent} /> : null}
      <WriteError error={flow.shownError} onReapply={() => void reapply()} />
      {!flow.preview && !flow.shownError ? (
        <Typography.Text type="secondary">{t("cas.split.previewFirst")}</Typography.Text>
      ) : null}
    </Modal>
  );
}
