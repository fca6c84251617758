import type { Seeds } from "./seeds.js";

/**
 * A district-level indicator (区级指标): no task force, the district goal it quantifies, and its
 * split among task forces' indicators (theirs name it as `parent`). None is reported itself: its
 * actual is rolled up from its shares.
 */
interface DistrictIndicatorSpec {
  readonly n: number;
  readonly name: string;
  readonly unit: string;
  readonly kind: "cumulative" | "rate" | "level";
  readonly dir?: "up" | "down";
  readonly goalId: string;
  readonly owner: string;
  readonly baseline: number;
  readonly target: number;
  /** Cumulative plan to date, January…December: the sum of its shares' plans. */
  readonly plan?: readonly number[];
  readonly note: string;
}

/** The five cascades (层层衔接): district → task force → street. */
const specs: readonly DistrictIndicatorSpec[] = [
  {
    n: 1,
    name: "固定资产投资增速",
    unit: "%",
    kind: "rate",
    goalId: "g-2022-jj-tz",
    owner: "p-tjj-4",
    baseline: 6.5,
    target: 8.5,
    note: "按投资基数加权：重大项目（01专班，基数90亿元）增长8%，城市更新（06专班，基数30亿元）增长10%。",
  },
  {
    n: 2,
    name: "重点项目开复工率",
    unit: "%",
    kind: "level",
    goalId: "g-2022-jj-tz",
    owner: "p-dcs-3",
    baseline: 0,
    target: 97,
    note: "按项目个数加权：重大项目57个（01专班）开复工率95%，老旧小区改造38个（06专班）100%开工。",
  },
  {
    n: 3,
    name: "重点项目完成投资",
    unit: "亿元",
    kind: "cumulative",
    goalId: "g-2022-jj-tz",
    owner: "p-fgj-2",
    baseline: 113,
    target: 133,
    plan: [3.3, 8.6, 19.2, 30, 43.5, 57.5, 69.5, 81.5, 95.5, 110, 122.5, 133],
    note: "重大项目115亿元（01专班）+ 城市更新18亿元（06专班）。",
  },
  {
    n: 4,
    name: "招商引资到位资金",
    unit: "亿元",
    kind: "cumulative",
    goalId: "g-2022-jj-zs",
    owner: "p-tczx-2",
    baseline: 200,
    target: 240,
    plan: [15, 33, 55, 75, 95, 115, 134, 154, 176, 198, 218, 240],
    note: "招商引资专班160亿元、数字经济专班50亿元、现代服务业与金融专班30亿元。",
  },
  {
    n: 5,
    name: "生产安全事故起数",
    unit: "起",
    kind: "cumulative",
    dir: "down",
    goalId: "g-2022-aq-sc",
    owner: "p-yjj-2",
    baseline: 15,
    target: 12,
    plan: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    note: "全区控制在12起以内：工矿商贸等行业10起（10专班），城市更新建设工程2起（06专班）。",
  },
];

const month = (i: number) => `2022-${String(i + 1).padStart(2, "0")}`;

/** Id of the `n`-th district-level indicator (`ind-qzb-1`, code `QZB-1`). */
export const districtIndicatorId = (n: number) => `ind-qzb-${n}`;

/** The district-level indicators, to be loaded before the task forces' shares. */
export function buildDistrictIndicators(): Seeds<"indicators"> {
  return specs.map((d) => ({
    id: districtIndicatorId(d.n),
    taskForceId: null,
    taskId: null,
    parentId: null,
    goalId: d.goalId,
    orgUnitId: null,
    weight: null,
    code: `QZB-${d.n}`,
    name: d.name,
    unit: d.unit,
    kind: d.kind,
    direction: d.dir ?? "up",
    year: 2022,
    baseline: d.baseline,
    target: d.target,
    monthlyPlan: d.plan ? Object.fromEntries(d.plan.map((v, i) => [month(i), v])) : null,
    ownerPersonId: d.owner,
    note: d.note,
  }));
}
