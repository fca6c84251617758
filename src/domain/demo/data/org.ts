import { roles } from "../../../shared/api/org.js";
import type { DemoDataset } from "../demo-dataset.js";
import { mulberry32, pick } from "./prng.js";

type OrgUnitSeed = DemoDataset["orgUnits"][number];
type PersonSeed = DemoDataset["persons"][number];
type UserSeed = DemoDataset["users"][number];

/** A district department or street office with the posts of the people the demo gives it. */
interface UnitSpec {
  readonly key: string;
  readonly name: string;
  readonly kind: "department" | "street";
  /** Posts, the head first; one person per post. */
  readonly posts: readonly string[];
}

const dept = (key: string, name: string, head: string, deputy: string, s1: string, s2: string): UnitSpec => ({
  key,
  name,
  kind: "department",
  posts: [head, deputy, `${s1}科长`, `${s2}科长`, `${s1}主任科员`],
});
const street = (key: string, name: string): UnitSpec => ({
  key,
  name,
  kind: "street",
  posts: ["党工委书记", "办事处主任", "办事处副主任", "经济发展办公室主任"],
});

/** The district's departments and street offices (keys are the id suffixes: `ou-fgj`). */
export const unitSpecs: readonly UnitSpec[] = [
  dept("qwb", "区委办公室", "主任", "副主任", "综合", "信息"),
  dept("dcs", "区委区政府督查室", "主任", "副主任", "督查一", "督查二"),
  dept("zzb", "区委组织部（人才办）", "常务副部长", "人才办主任", "人才工作", "干部"),
  dept("fgj", "发展和改革局", "局长", "副局长", "项目", "综合规划"),
  dept("swj", "商务局", "局长", "副局长", "商贸流通", "对外贸易"),
  dept("czj", "财政局", "局长", "副局长", "预算", "经济建设"),
  dept("kjj", "科技局", "局长", "副局长", "高新技术", "科技成果转化"),
  dept("zjj", "住房和城乡建设局", "局长", "副局长", "城市更新", "建筑管理"),
  dept("yjj", "应急管理局", "局长", "副局长", "安全生产综合监管", "危化品监管"),
  dept("wjj", "卫生健康局", "局长", "副局长", "疾病预防控制", "医政医管"),
  dept("scj", "市场监督管理局", "局长", "副局长", "登记注册", "食品安全"),
  dept("gxj", "工业和信息化局", "局长", "副局长", "产业发展", "信息化推进"),
  dept("rsj", "人力资源和社会保障局", "局长", "副局长", "就业促进", "人才开发"),
  dept("tczx", "投资促进中心", "主任", "副主任", "招商一", "项目服务"),
  dept("zsj", "政务服务和数字化局", "局长", "副局长", "审批服务", "数据资源"),
  dept("cgj", "城市管理局", "局长", "副局长", "市容环卫", "市政设施"),
  dept("wlj", "文化广电和旅游局", "局长", "副局长", "文化产业", "旅游发展"),
  dept("jrb", "金融工作办公室", "主任", "副主任", "金融发展", "风险防控"),
  dept("tjj", "统计局", "局长", "副局长", "综合统计", "固定资产投资统计"),
  dept("zrj", "自然资源分局", "局长", "副局长", "用地审批", "规划管理"),
  dept("sthj", "生态环境分局", "局长", "副局长", "环评审批", "污染防治"),
  dept("jyj", "教育局", "局长", "副局长", "安全稳定", "基础教育"),
  dept("gaj", "公安分局", "局长", "副局长", "治安管理", "交通管理"),
  dept("xfj", "消防救援大队", "大队长", "副大队长", "防火监督", "应急救援"),
  dept("tax", "税务局", "局长", "副局长", "纳税服务", "收入核算"),
  dept("kfq", "示范经济开发区管委会", "主任", "副主任", "招商服务", "规划建设"),
  street("jd-nh", "南湖街道办事处"),
  street("jd-xd", "新都街道办事处"),
  street("jd-ql", "青龙街道办事处"),
  street("jd-hx", "和顺街道办事处"),
  street("jd-ty", "桃源街道办事处"),
  street("jd-fy", "丰裕街道办事处"),
];

/** District leaders: id suffix and post (`p-ldr-qz`). */
const leaderSpecs: readonly (readonly [string, string])[] = [
  ["sj", "区委书记"],
  ["qz", "区委副书记、区长"],
  ["fsj", "区委副书记"],
  ["cwfqz", "区委常委、常务副区长"],
  ["zzbz", "区委常委、组织部部长"],
  ["kfq", "区委常委、开发区党工委书记"],
  ["fqz1", "副区长"],
  ["fqz2", "副区长"],
  ["fqz3", "副区长"],
  ["fqz4", "副区长"],
  ["fqz5", "副区长、公安分局局长"],
  ["fqz6", "副区长"],
];

const surnames = [
  ..."王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文",
];
const givenNames = [
  ..."伟芳静磊军洋勇艳杰涛明超华平刚辉鹏斌宁颖".split(""),
  ..."建国 志强 海燕 丽娟 秀英 桂英 玉兰 晓东 晓梅 红梅 文博 子涵 思远 浩然 雨桐 佳琪 宇航 嘉怡 俊杰 丽华 春燕 永刚 立新 国庆 建军 建华 卫东 振宇 志刚 德明 海波 宏伟 晓光 亚男 雪梅 玉梅 淑珍 凤霞 秀兰 丽萍 红霞 海峰 学军 东升 立国 庆华 书文 瑞雪 婷婷 欣然 一鸣 博文 鹏飞 晓峰 景涛 天宇 雅琴 静怡 丹丹 慧敏 志远 春生 金龙 桂芝 文静 明辉 建平 少华 晓丽 国栋 永红 海涛 素梅 德胜 子健".split(
    " ",
  ),
];

/** Deterministic invented names; no two persons share one. */
function nameMaker(seed: number): () => string {
  const rand = mulberry32(seed);
  const used = new Set<string>();
  return () => {
    for (;;) {
      const name = pick(rand, surnames) + pick(rand, givenNames);
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
}

/** The org-unit tree: province → city → district → departments and streets. */
export function buildOrgUnits(): OrgUnitSeed[] {
  const units: OrgUnitSeed[] = [
    { id: "ou-province", code: "SF", name: "示范省", kind: "province", parentId: null, sort: 0 },
    { id: "ou-city", code: "SF-01", name: "示范市", kind: "city", parentId: "ou-province", sort: 0 },
    { id: "ou-district", code: "SF-01-02", name: "示范区", kind: "district", parentId: "ou-city", sort: 0 },
  ];
  unitSpecs.forEach((u, i) => {
    units.push({
      id: `ou-${u.key}`,
      code: `SF-01-02-${String(i + 1).padStart(2, "0")}`,
      name: u.name,
      kind: u.kind,
      parentId: "ou-district",
      sort: i + 1,
    });
  });
  return units;
}

/** District leaders (at `ou-district`) and one person per post of every unit: `p-fgj-1` heads 发改局. */
export function buildPersons(): PersonSeed[] {
  const nextName = nameMaker(20220624);
  const persons: PersonSeed[] = leaderSpecs.map(([key, post]) => ({
    id: `p-ldr-${key}`,
    name: nextName(),
    orgUnitId: "ou-district",
    post,
    phone: null,
    email: null,
  }));
  let n = 0;
  for (const u of unitSpecs) {
    u.posts.forEach((post, i) => {
      n += 1;
      persons.push({
        id: `p-${u.key}-${i + 1}`,
        name: nextName(),
        orgUnitId: `ou-${u.key}`,
        post,
        phone: `0000-8860${String(n).padStart(4, "0")}`,
        email: null,
      });
    });
  }
  return persons;
}

/** Each department's and street's head: the person in its first post (`p-fgj-1` heads 发改局). */
export const buildUnitHeads = (): { unitId: string; personId: string }[] =>
  unitSpecs.map((u) => ({ unitId: `ou-${u.key}`, personId: `p-${u.key}-1` }));

/** Persons behind the `admin` and `viewer` accounts: they own no task or indicator. */
export const ownerlessPersons: ReadonlySet<string> = new Set(["p-zsj-4", "p-tjj-5"]);

/** The six demo accounts, one per role, each linked to a person (see docs/demo.md). */
export function buildUsers(persons: readonly PersonSeed[]): UserSeed[] {
  const accounts: readonly (readonly [UserSeed["username"], string])[] = [
    ["admin", "p-zsj-4"],
    ["supervisor", "p-dcs-1"],
    ["leader", "p-ldr-qz"],
    ["lead", "p-fgj-1"],
    ["member", "p-fgj-3"],
    ["viewer", "p-tjj-5"],
  ];
  return accounts.map(([username, personId]) => {
    const person = persons.find((p) => p.id === personId);
    if (!person) throw new Error(`demo account person missing: ${personId}`);
    return {
      id: `u-${username}`,
      username,
      displayName: person.name,
      personId,
      roles: roles.filter((role) => role === username),
      disabled: false,
    };
  });
}
