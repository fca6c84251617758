import { describe, expect, it } from "vitest";
import type { Goal } from "../../../../src/shared/api/goals";
import type { OrgUnit, Person } from "../../api/types";
import { goalOptions, personLabel, personOptions, unitOptions } from "./org-options";

const meta = { version: 1, createdAt: "2022-01-01T00:00:00.000Z", updatedAt: "2022-01-01T00:00:00.000Z" };
const unit = (id: string, code: string, name: string, parentId: string | null, sort = 0): OrgUnit => ({
  ...meta,
  id,
  code,
  name,
  kind: "department",
  parentId,
  sort,
  headPersonId: null,
});
const person = (id: string, name: string, orgUnitId: string | null, post: string | null = null): Person => ({
  ...meta,
  id,
  name,
  orgUnitId,
  post,
  phone: null,
  email: null,
});
const goal = (id: string, code: string, parentId: string | null): Goal => ({
  ...meta,
  id,
  code,
  title: `目标${code}`,
  level: "annual",
  parentId,
  orgUnitId: null,
  description: null,
  year: null,
});

const units = [
  unit("d", "SF-01-02", "示范区", null),
  unit("b", "SF-01-02-02", "商务局", "d", 2),
  unit("a", "SF-01-02-01", "发改局", "d", 1),
  unit("x", "SF-01-02-01-01", "项目科", "a"),
];

describe("unitOptions", () => {
  it("lists units in tree order by sort, labelled with their codes", () => {
    expect(unitOptions(units).map((o) => o.label)).toEqual([
      "示范区（SF-01-02）",
      "发改局（SF-01-02-01）",
      "项目科（SF-01-02-01-01）",
      "商务局（SF-01-02-02）",
    ]);
  });

  it("leaves out the units it is told to", () => {
    expect(unitOptions(units, new Set(["a", "x"])).map((o) => o.value)).toEqual(["d", "b"]);
  });
});

describe("goalOptions", () => {
  it("orders sibling codes numerically", () => {
    const goals = [goal("g10", "A10", "p"), goal("p", "A", null), goal("g2", "A2", "p")];
    expect(goalOptions(goals).map((o) => o.label)).toEqual(["A 目标A", "A2 目标A2", "A10 目标A10"]);
  });
});

describe("personOptions", () => {
  const persons = [person("p1", "张三", "b", "局长"), person("p2", "李四", "a"), person("p3", "王五", null)];

  it("labels people with unit and post, in unit order, the unit-less last", () => {
    expect(personOptions(persons, units).map((o) => o.label)).toEqual([
      "李四（发改局）",
      "张三（商务局 局长）",
      "王五",
    ]);
  });

  it("puts the people of the given unit first", () => {
    expect(personOptions(persons, units, "b").map((o) => o.value)).toEqual(["p1", "p2", "p3"]);
  });

  it("labels a person without unit or post by name alone", () => {
    expect(personLabel({ name: "赵六", post: null }, undefined)).toBe("赵六");
  });
});
