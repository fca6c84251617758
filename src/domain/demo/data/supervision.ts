import type { DemoDataset, DemoTransition } from "../demo-dataset.js";

type TaskSeed = DemoDataset["tasks"][number];
type ItemSeed = DemoDataset["supervisionItems"][number];

/** One supervision item as written: the task it is raised on (or a task force), what and when. */
interface ItemSpec {
  readonly tf: string;
  /** WBS below the task force's code, or null for an item on the task force itself. */
  readonly task: string | null;
  readonly raisedOn: string;
  readonly dueDate: string;
  readonly issue: string;
  readonly action: string;
  /** Who answers when the item is on a task force: person and unit ids. */
  readonly owner?: readonly [personId: string, unitId: string];
  /** `s` start · `u` submit · `r` return · `v` verify, each with its date and optional note. */
  readonly steps: readonly (readonly [step: "s" | "u" | "r" | "v", date: string, note?: string])[];
}

const director = "p-dcs-1";
const chief = "p-dcs-3";

const specs: readonly ItemSpec[] = [
  {
    tf: "01",
    task: "2.2",
    raisedOn: "2022-07-29",
    dueDate: "2022-08-12",
    issue: "项目用地预审与规划许可进度滞后计划25个百分点，3个项目规划条件调整久拖未决。",
    action: "8月12日前完成3个项目规划条件论证，制定用地审批倒排计划并报专班。",
    steps: [["s", "2022-08-01"]],
  },
  {
    tf: "01",
    task: "2.5",
    raisedOn: "2022-08-10",
    dueDate: "2022-08-19",
    issue: "固定资产投资项目节能审查应于7月6日启动，至今未开展。",
    action: "立即启动节能审查，8月19日前完成首批4个项目审查。",
    steps: [],
  },
  {
    tf: "02",
    task: "4.3",
    raisedOn: "2022-08-01",
    dueDate: "2022-08-31",
    issue: "到位资金统计核实滞后，7月数据未按时报送。",
    action: "补齐到位资金凭证，8月底前完成1—7月到位资金核实。",
    steps: [
      ["s", "2022-08-02"],
      ["u", "2022-08-11", "已完成1—7月到位资金核实，核实率100%，台账已更新。"],
    ],
  },
  {
    tf: "03",
    task: "2.5",
    raisedOn: "2022-07-25",
    dueDate: "2022-08-19",
    issue: "工程建设项目审批仍有线下流转环节，平均审批时间82个工作日，超出目标22个工作日。",
    action: "打通联合审图系统与省平台数据接口，取消线下流转环节。",
    steps: [
      ["s", "2022-07-26"],
      ["u", "2022-08-05", "已与省平台完成接口联调。"],
      ["r", "2022-08-08", "整改材料未附审批时限压缩前后对比数据，退回补充。"],
      ["u", "2022-08-12", "补充了12个项目的审批时限对比数据，平均审批时间压缩至64个工作日。"],
    ],
  },
  {
    tf: "03",
    task: null,
    owner: ["p-scj-1", "ou-scj"],
    raisedOn: "2022-08-02",
    dueDate: "2022-08-16",
    issue: "营商环境体验官反映：企业开办“一窗通办”仍需往返窗口2次。",
    action: "梳理企业开办全流程，实现“一次不跑”或“最多跑一次”，并回访反映问题的企业。",
    steps: [
      ["s", "2022-08-03"],
      ["u", "2022-08-09", "已优化企业开办流程，印章刻制与登记同步办理。"],
      ["r", "2022-08-11", "未提供企业回访记录，退回继续整改。"],
    ],
  },
  {
    tf: "04",
    task: "3.2",
    raisedOn: "2022-08-03",
    dueDate: "2022-08-24",
    issue: "高校毕业生留区就业进度滞后，1—7月仅完成全年目标的38%。",
    action: "联合驻区高校举办线上双选会不少于2场，8月24日前新增留区就业500人。",
    steps: [["s", "2022-08-04"]],
  },
  {
    tf: "05",
    task: "2.4",
    raisedOn: "2022-07-20",
    dueDate: "2022-08-05",
    issue: "普惠金融“首贷”审批通过率不足40%，首贷户增长缓慢。",
    action: "扩大政府性融资担保规模，建立首贷户“白名单”推送机制。",
    steps: [
      ["s", "2022-07-21"],
      ["u", "2022-08-03", "已向合作银行推送首贷“白名单”企业86户，担保额度扩大至5亿元。"],
      ["v", "2022-08-05"],
    ],
  },
  {
    tf: "06",
    task: "2.2",
    raisedOn: "2022-08-08",
    dueDate: "2022-08-26",
    issue: "供热管网改造2个标段施工单位进场迟缓，可能影响10月按时供热。",
    action: "约谈施工单位，8月26日前2个标段全面进场施工。",
    steps: [["s", "2022-08-09"]],
  },
  {
    tf: "06",
    task: "3.2",
    raisedOn: "2022-08-01",
    dueDate: "2022-08-12",
    issue: "片区更新规划编制应于7月11日启动，至今未开展招标。",
    action: "8月12日前完成规划编制单位招标，报送工作计划。",
    steps: [],
  },
  {
    tf: "07",
    task: "2.3",
    raisedOn: "2022-08-12",
    dueDate: "2022-08-26",
    issue: "社区便民生活圈建设滞后，2个社区商业用房产权不清。",
    action: "会同自然资源分局确认房产权属，8月26日前完成招租。",
    steps: [],
  },
  {
    tf: "08",
    task: "1.2",
    raisedOn: "2022-07-22",
    dueDate: "2022-08-05",
    issue: "城市“数据大脑”数据归集量仅完成计划的30%，部分部门未更新数据共享目录。",
    action: "各部门8月5日前更新数据共享目录并完成首批数据归集。",
    steps: [
      ["s", "2022-07-25"],
      ["u", "2022-08-04", "22个部门已更新共享目录，归集数据3200万条。"],
      ["v", "2022-08-08"],
    ],
  },
  {
    tf: "09",
    task: "2.4",
    raisedOn: "2022-08-08",
    dueDate: "2022-08-15",
    issue: "防疫物资储备不足，N95口罩、抗原试剂未达到30天储备量。",
    action: "启动应急采购，8月15日前补足储备。",
    steps: [
      ["s", "2022-08-08"],
      ["u", "2022-08-12", "已签订应急采购合同，首批物资8月12日入库。"],
    ],
  },
  {
    tf: "09",
    task: "3.1",
    raisedOn: "2022-08-09",
    dueDate: "2022-08-23",
    issue: "老年人疫苗接种进度放缓，本周未按时报送进展。",
    action: "实行“一人一档”上门服务，按周报送接种进展。",
    steps: [["s", "2022-08-10"]],
  },
  {
    tf: "10",
    task: "2.2",
    raisedOn: "2022-07-15",
    dueDate: "2022-07-29",
    issue: "3处高层住宅消防通道被占用，消防设施损坏未修复。",
    action: "7月29日前清理消防通道，修复损坏消防设施。",
    steps: [
      ["s", "2022-07-18"],
      ["u", "2022-07-27", "消防通道已清理，损坏设施已修复，附整改前后照片。"],
      ["v", "2022-07-29"],
    ],
  },
  {
    tf: "07",
    task: "1.3",
    raisedOn: "2022-08-10",
    dueDate: "2022-08-31",
    issue: "汽车、家电以旧换新补贴审核流程长，商家垫资压力大，补贴进度滞后计划15个百分点。",
    action: "简化补贴审核流程，实行“先发后核”，8月底前兑付首批补贴资金。",
    steps: [["s", "2022-08-11"]],
  },
];

const actions = { s: "start", u: "submit", r: "return", v: "verify" } as const;

/**
 * Supervision items (督办单) on the district's lagging tasks, with the transitions the loader
 * replays: the responsible person starts and submits, the supervision office returns or verifies.
 */
export function buildSupervisionItems(tasks: readonly TaskSeed[]): ItemSeed[] {
  return specs.map((spec, i) => {
    const task = spec.task === null ? null : tasks.find((t) => t.id === `t-${spec.tf}-${spec.task}`);
    if (task === undefined) throw new Error(`supervision item on unknown task ${spec.tf}.${spec.task}`);
    const personId = task ? (task.responsiblePersonId ?? null) : (spec.owner?.[0] ?? null);
    const unitId = task ? (task.responsibleUnitId ?? null) : (spec.owner?.[1] ?? null);
    const raisedById = i % 3 === 2 ? chief : director;
    const transitions = spec.steps.map(([step, date, note]): DemoTransition => {
      const byResponsible = step === "s" || step === "u";
      const by = byResponsible ? (personId ?? undefined) : raisedById;
      return {
        action: actions[step],
        date,
        ...(step === "u" && note ? { rectification: note } : {}),
        ...(step !== "u" && note ? { note } : {}),
        ...(by ? { byId: by } : {}),
      };
    });
    return {
      id: `si-${String(i + 1).padStart(2, "0")}`,
      taskForceId: `tf-${spec.tf}`,
      taskId: task ? task.id : null,
      code: `DB-2022-${String(i + 1).padStart(3, "0")}`,
      raisedById,
      raisedOn: spec.raisedOn,
      issue: spec.issue,
      requiredAction: spec.action,
      responsiblePersonId: personId,
      responsibleUnitId: unitId,
      dueDate: spec.dueDate,
      transitions,
    };
  });
}
