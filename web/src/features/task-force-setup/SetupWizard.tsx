import { App, Button, Form, Modal, Steps } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ApiError } from "../../api/client";
import { WriteError } from "../../components/ConflictAlert";
import { detailMessage } from "../../hooks/messages";
import { useNames } from "../../hooks/use-data";
import { SetupReview } from "./SetupReview";
import { BasicsStep, GoalsStep, MembersStep, SETUP_FORM } from "./SetupSteps";
import { placeRefusal, SETUP_STEPS, type SetupValues, STEP_FIELDS, setupBody, stepOf } from "./setup-form";
import { useSetUpTaskForce } from "./use-task-force-setup";

const REVIEW = SETUP_STEPS.length - 1;
const INITIAL: SetupValues = { members: [{ role: "lead" }], coUnitIds: [], goalIds: [] };

/**
 * 新建专班: a wizard in four steps (basics; members on their posts; goals served; review) that sets
 * the task force up in one request. A refusal shows beside its field in the user's language and
 * brings its step back; after success the new task force's page opens.
 */
export function SetupWizard({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const names = useNames();
  const [form] = Form.useForm();
  const [step, setStep] = useState(0);
  const setup = useSetUpTaskForce();

  // Each refusal beside the field it names, and the first step holding one in view.
  useEffect(() => {
    if (!(setup.error instanceof ApiError) || !open) return;
    const placed = placeRefusal(setup.error.details, (d) => detailMessage(d));
    form.setFields(placed.fields.map((f) => ({ name: [...f.name], errors: f.errors })));
    if (placed.step !== null) setStep(placed.step);
  }, [setup.error, form, open]);

  const close = () => {
    setup.reset();
    setStep(0);
    onClose();
  };
  const next = async () => {
    try {
      await form.validateFields(
        STEP_FIELDS[step]!.map((f) => [f]),
        { recursive: true },
      );
      setStep(step + 1);
    } catch {
      // The step's fields show what is missing.
    }
  };
  const create = async () => {
    try {
      await form.validateFields();
    } catch (e) {
      // antd rejects with the fields whose rules failed: show the first one's step.
      const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) setStep(stepOf(String(first.name[0])));
      return;
    }
    setup.mutate(setupBody(form.getFieldsValue(true)), {
      onSuccess: (r) => {
        void message.success(t("tfs.created", { code: r.taskForce.code, name: r.taskForce.name }));
        close();
        navigate(`/task-forces/${encodeURIComponent(r.taskForce.id)}`);
      },
    });
  };
  // A person's post fills the row's post when it is still empty.
  const fillPost = (changed: Partial<SetupValues>) => {
    changed.members?.forEach((row, i) => {
      const p = row?.personId ? names.persons.find((x) => x.id === row.personId) : undefined;
      if (p?.post && !form.getFieldValue(["members", i, "post"]))
        form.setFieldValue(["members", i, "post"], p.post);
    });
  };
  const footer = [
    <Button key="cancel" onClick={close}>
      {t("common.cancel")}
    </Button>,
    step > 0 ? (
      <Button key="prev" onClick={() => setStep(step - 1)}>
        {t("tfs.prev")}
      </Button>
    ) : null,
    step < REVIEW ? (
      <Button key="next" type="primary" onClick={() => void next()}>
        {t("tfs.next")}
      </Button>
    ) : (
      <Button key="create" type="primary" loading={setup.isPending} onClick={() => void create()}>
        {t("tfs.submit")}
      </Button>
    ),
  ];
  return (
    <Modal
      open={open}
      title={t("tfs.wizardTitle")}
      onCancel={close}
      footer={footer}
      width={820}
      destroyOnHidden
    >
      <Steps
        size="small"
        current={step}
        onChange={(s) => s < step && setStep(s)}
        items={SETUP_STEPS.map((k) => ({ title: t(`tfs.steps.${k}`) }))}
        style={{ marginBottom: 20 }}
      />
      <Form form={form} name={SETUP_FORM} layout="vertical" initialValues={INITIAL} onValuesChange={fillPost}>
        {/* Every step stays mounted (hidden when not current): its values and errors live on. */}
        <div hidden={step !== 0} data-step="basics">
          <BasicsStep />
        </div>
        <div hidden={step !== 1} data-step="members">
          <MembersStep />
        </div>
        <div hidden={step !== 2} data-step="goals">
          <GoalsStep />
        </div>
      </Form>
      {step === REVIEW ? <SetupReview values={form.getFieldsValue(true)} /> : null}
      <WriteError error={setup.error} />
    </Modal>
  );
}
