import { Alert, Col, Form, InputNumber, Row, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { DEFAULT_CASCADE_TOLERANCE } from "../../../../src/engines/cascade/types";
import { DEFAULT_LIGHT_THRESHOLDS } from "../../../../src/engines/lights/types";
import { DEFAULT_ASSESSMENT_WEIGHTS } from "../../../../src/engines/scoring/types";
import { slippageBaselines } from "../../../../src/shared/api/baselines";
import type { Settings } from "../../../../src/shared/api/settings";
import { SettingsSection } from "./SettingsSection";
import { weightSum } from "./settings-form";

/** A number field whose blank value means the default, shown as its placeholder. */
function NumberItem(props: {
  name: string[];
  label: string;
  fallback: number;
  extra?: string;
  step?: number;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item name={props.name} label={props.label} extra={props.extra}>
      <InputNumber
        step={props.step ?? 1}
        placeholder={t("adm.settings.defaultIs", { value: props.fallback })}
        style={{ width: 160 }}
      />
    </Form.Item>
  );
}

const THRESHOLDS = [
  "redBehindPoints",
  "yellowBehindPoints",
  "deadlineSoonWorkdays",
  "lowFloatWorkdays",
] as const;
const ROUNDS = ["weekly", "monthly", "off"] as const;

/** 亮灯规则: the light thresholds and the dispatch round. */
export function LightsSection(props: { value: Settings["lights"]; readOnly: boolean }) {
  const { t } = useTranslation();
  return (
    <SettingsSection section="lights" readOnly={props.readOnly} initialValues={props.value}>
      <Row gutter={16}>
        {THRESHOLDS.map((k) => (
          <Col key={k} xs={24} md={12} xl={6}>
            <NumberItem
              name={["thresholds", k]}
              label={t(`adm.settings.lights.${k}`)}
              fallback={DEFAULT_LIGHT_THRESHOLDS[k]}
            />
          </Col>
        ))}
      </Row>
      <Form.Item
        name="dispatchRound"
        label={t("adm.settings.lights.dispatchRound")}
        extra={t("adm.settings.lights.dispatchRoundHint")}
      >
        <Select
          id="lights_dispatchRound"
          style={{ width: 200 }}
          options={ROUNDS.map((r) => ({ value: r, label: t(`adm.settings.lights.rounds.${r}`) }))}
        />
      </Form.Item>
    </SettingsSection>
  );
}

const WEIGHTS = ["milestones", "indicators", "supervision"] as const;

/** The running total of the weights, and a note when it is not 100. */
function WeightTotal() {
  const { t } = useTranslation();
  const weights = Form.useWatch("weights") ?? {};
  const sum = weightSum(weights);
  return (
    <div style={{ marginBottom: 12 }}>
      <Typography.Text strong data-testid="weight-sum">
        {t("adm.settings.assessment.sum", { sum })}
      </Typography.Text>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t("adm.settings.assessment.sumHint")}
      </Typography.Paragraph>
      {sum !== 100 ? (
        <Alert type="warning" showIcon title={t("adm.settings.assessment.sumNot100", { sum })} />
      ) : null}
    </div>
  );
}

/** 考核权重: the weights of milestones, indicators and supervision in the score. */
export function AssessmentSection(props: { value: Settings["assessment"]; readOnly: boolean }) {
  const { t } = useTranslation();
  return (
    <SettingsSection section="assessment" readOnly={props.readOnly} initialValues={props.value}>
      <Row gutter={16}>
        {WEIGHTS.map((k) => (
          <Col key={k} xs={24} md={8}>
            <NumberItem
              name={["weights", k]}
              label={t(`adm.settings.assessment.${k}`)}
              fallback={DEFAULT_ASSESSMENT_WEIGHTS[k]}
            />
          </Col>
        ))}
      </Row>
      <WeightTotal />
    </SettingsSection>
  );
}

/** 填报合理性: how late a report may be dated, how far an actual may stray without a note. */
export function PlausibilitySection(props: { value: Settings["plausibility"]; readOnly: boolean }) {
  const { t } = useTranslation();
  return (
    <SettingsSection section="plausibility" readOnly={props.readOnly} initialValues={props.value}>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <NumberItem
            name={["reportGraceDays"]}
            label={t("adm.settings.plausibility.reportGraceDays")}
            fallback={0}
          />
        </Col>
        <Col xs={24} md={12}>
          <NumberItem
            name={["readingBand"]}
            label={t("adm.settings.plausibility.readingBand")}
            extra={t("adm.settings.plausibility.readingBandHint")}
            // The server's default (DEFAULT_READING_BAND in the readings service).
            fallback={3}
            step={0.5}
          />
        </Col>
      </Row>
    </SettingsSection>
  );
}

/**
 * 计划基线: which approved baseline slippage is measured against; and how far the shares of a
 * cascade (层层衔接) may stray from their parent's target before the check reports them.
 */
export function PlanSection(props: { value: Settings["plan"]; readOnly: boolean }) {
  const { t } = useTranslation();
  return (
    <SettingsSection
      section="plan"
      readOnly={props.readOnly}
      initialValues={{ ...props.value, slippageAgainst: props.value.slippageAgainst ?? "first" }}
    >
      <Form.Item name="slippageAgainst" label={t("adm.settings.plan.slippageAgainst")}>
        <Select
          id="plan_slippageAgainst"
          style={{ width: 280 }}
          options={slippageBaselines.map((b) => ({ value: b, label: t(`adm.settings.plan.${b}`) }))}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <NumberItem
            name={["cascadeTolerancePercent"]}
            label={t("adm.settings.plan.cascadeTolerancePercent")}
            extra={t("adm.settings.plan.cascadeTolerancePercentHint")}
            fallback={DEFAULT_CASCADE_TOLERANCE.relative * 100}
            step={0.1}
          />
        </Col>
        <Col xs={24} md={12}>
          <NumberItem
            name={["cascadeRatePoints"]}
            label={t("adm.settings.plan.cascadeRatePoints")}
            extra={t("adm.settings.plan.cascadeRatePointsHint")}
            fallback={DEFAULT_CASCADE_TOLERANCE.ratePoints}
            step={0.01}
          />
        </Col>
      </Row>
    </SettingsSection>
  );
}
