/**
 * The zh/en sentences of the five-ization findings. `who` names the task force and, for a task
 * finding, the task (WBS code or id).
 */
import type { LocalizedText, ReasonParams } from "../lights/light.js";
import type { FindingCode } from "./types.js";

type Text = (who: { zh: string; en: string }, p: ReasonParams) => LocalizedText;
const t =
  (zh: string, en: string): Text =>
  (w) => ({ zh: `${w.zh}${zh}`, en: `${w.en}${en}` });

/** Sentence builders, one per finding code. */
export const FINDING_TEXTS: Readonly<Record<FindingCode, Text>> = {
  NO_GOAL: t("未关联所服务的目标（项目化）", " serves no goal (project)"),
  NO_WBS: t("未填写WBS编码（清单化）", " has no WBS code (list)"),
  DUPLICATE_WBS: (w, p) => ({
    zh: `${w.zh}的WBS编码${p.wbs}在专班内重复${p.count}次（清单化）`,
    en: `${w.en}: WBS code ${p.wbs} occurs ${p.count} times in the task force (list)`,
  }),
  NO_DURATION: t("为末级任务但未填写工期（清单化）", " is a leaf task without a duration (list)"),
  NO_RESPONSIBLE_UNIT: t("未明确责任单位（责任化）", " has no responsible unit (responsibility)"),
  NO_RESPONSIBLE_PERSON: t("未明确责任人（责任化）", " has no responsible person (responsibility)"),
  NO_POST: t("未明确责任岗位（责任化）", " has no post for its responsible person (responsibility)"),
  NO_LEAD_LEADER: t("未明确牵头领导（责任化）", " has no lead leader (responsibility)"),
  NO_LEAD_UNIT: t("未明确牵头单位（责任化）", " has no lead unit (responsibility)"),
  NO_MEASURE: t(
    "既无量化指标，验收标准也没有数字（具体化）",
    " has neither a quantified indicator nor an acceptance criterion with a number (concrete)",
  ),
  NO_DATE: t("未设完成时限或节点日期（具体化）", " has no deadline or dated milestone (concrete)"),
  NO_WEIGHT: t("考核权重未设置或不大于0（可考化）", " has no assessment weight above 0 (assessable)"),
  WEIGHT_SUM: (w, p) => ({
    zh: `${w.zh}末级任务考核权重合计${p.sum}，应为100（可考化）`,
    en: `${w.en}: leaf task weights sum to ${p.sum}, not 100 (assessable)`,
  }),
  CASCADE_SHARES: (w, p) =>
    p.kind === "cumulative"
      ? {
          zh: `${w.zh}的分解指标合计${p.actual}${p.unit}，与目标${p.expected}${p.unit}不符（层层衔接·具体化）`,
          en: `${w.en}: its shares sum to ${p.actual} ${p.unit}, not its target ${p.expected} ${p.unit} (cascade, concrete)`,
        }
      : {
          zh: `${w.zh}的分解指标加权结果为${p.actual}${p.unit}，与目标${p.expected}${p.unit}不符（层层衔接·具体化）`,
          en: `${w.en}: its shares weigh up to ${p.actual} ${p.unit}, not its target ${p.expected} ${p.unit} (cascade, concrete)`,
        },
  CASCADE_MONTHS: (w, p) => ({
    zh: `${w.zh}的月度计划在${p.period}为${p.actual}${p.unit}，应为${p.expected}${p.unit}（月度计划与全年或上级不衔接·具体化）`,
    en: `${w.en}: its monthly plan comes to ${p.actual} ${p.unit} in ${p.period}, not ${p.expected} ${p.unit} (months do not add up, concrete)`,
  }),
  CASCADE_KIND: t(
    "与上级指标的类型或方向不一致，无法汇总（层层衔接·具体化）",
    " differs from its parent indicator in kind or direction and cannot roll up (cascade, concrete)",
  ),
  CASCADE_OWNER: t(
    "是分解指标，但未明确责任人（责任化）",
    " is a share of a parent indicator without an owner (responsibility)",
  ),
  INDICATOR_NO_TASK: t("没有任何任务支撑（清单化）", " is advanced by no task (list)"),
};
