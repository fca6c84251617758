/** The ledger's choice lists: each value with the Chinese label the template's drop-down shows. */
import {
  DEPENDENCY_TYPES,
  DIRECTIONS,
  INDICATOR_KINDS,
  MEMBER_ROLES,
  ORG_UNIT_KINDS,
  SUPERVISION_STATES,
  TASK_FORCE_STATUSES,
} from "../../vocabulary/index.js";

export interface EnumValue {
  readonly value: string;
  readonly zh: string;
  readonly en: string;
}

const labels = <V extends string>(
  values: readonly V[],
  zh: Readonly<Record<V, string>>,
  en: Readonly<Record<V, string>>,
): readonly EnumValue[] => values.map((value) => ({ value, zh: zh[value], en: en[value] }));

export const ENUMS = {
  orgUnitKind: labels(
    ORG_UNIT_KINDS,
    {
      province: "省",
      city: "市",
      district: "区县",
      department: "部门",
      street: "街道（乡镇）",
      enterprise: "企业",
      other: "其他",
    },
    {
      province: "province",
      city: "city",
      district: "district",
      department: "department",
      street: "street",
      enterprise: "enterprise",
      other: "other",
    },
  ),
  memberRole: labels(
    MEMBER_ROLES,
    { lead_leader: "包保领导", deputy_leader: "副组长", lead: "牵头人", member: "成员", liaison: "联络员" },
    {
      lead_leader: "lead leader",
      deputy_leader: "deputy leader",
      lead: "lead",
      member: "member",
      liaison: "liaison",
    },
  ),
  taskForceStatus: labels(
    TASK_FORCE_STATUSES,
    { active: "运行中", closed: "已撤销" },
    { active: "active", closed: "closed" },
  ),
  dependencyType: labels(
    DEPENDENCY_TYPES,
    { FS: "完成-开始", SS: "开始-开始", FF: "完成-完成", SF: "开始-完成" },
    { FS: "finish-to-start", SS: "start-to-start", FF: "finish-to-finish", SF: "start-to-finish" },
  ),
  indicatorKind: labels(
    INDICATOR_KINDS,
    { cumulative: "累计值", rate: "增速/比率", level: "时点值" },
    { cumulative: "cumulative", rate: "rate", level: "level" },
  ),
  direction: labels(
    DIRECTIONS,
    { up: "越高越好", down: "越低越好" },
    { up: "higher is better", down: "lower is better" },
  ),
  supervisionState: labels(
    SUPERVISION_STATES,
    { open: "待整改", rectifying: "整改中", submitted: "已报结", verified: "已销号" },
    { open: "open", rectifying: "rectifying", submitted: "submitted", verified: "verified" },
  ),
} as const;
