import { describe, expect, it } from "vitest";
import {
  battleMapSearch,
  EMPTY_PAGE_FILTER,
  knownFilter,
  type PageFilter,
  parseBattleMapSearch,
} from "./url-state";

const q = (s: string) => new URLSearchParams(s);

describe("parseBattleMapSearch", () => {
  it("opens in month zoom with no filter when the URL has none", () => {
    expect(parseBattleMapSearch(q(""))).toEqual({ zoom: "month", filter: EMPTY_PAGE_FILTER });
  });

  it("reads every filter and the zoom", () => {
    const s = parseBattleMapSearch(
      q("zoom=week&tf=tf-01&tf=tf-02&unit=ou-3&person=p-7&light=yellow&light=red&critical=1"),
    );
    expect(s).toEqual({
      zoom: "week",
      filter: {
        taskForceIds: ["tf-01", "tf-02"],
        responsibleUnitId: "ou-3",
        responsiblePersonId: "p-7",
        lights: ["red", "yellow"],
        criticalOnly: true,
      },
    });
  });

  it("ignores bad values instead of failing", () => {
    const s = parseBattleMapSearch(
      q("zoom=decade&tf=&tf=a%20b&tf=tf-01&tf=tf-01&unit=&person=x%0Ay&light=purple&light=RED&critical=yes"),
    );
    expect(s).toEqual({ zoom: "month", filter: { ...EMPTY_PAGE_FILTER, taskForceIds: ["tf-01"] } });
    expect(parseBattleMapSearch(q(`unit=${"u".repeat(101)}`)).filter.responsibleUnitId).toBeNull();
    expect(parseBattleMapSearch(q("critical=true")).filter.criticalOnly).toBe(true);
  });
});

describe("battleMapSearch", () => {
  it("leaves the defaults out of the URL", () => {
    expect(battleMapSearch({ zoom: "month", filter: EMPTY_PAGE_FILTER }).toString()).toBe("");
  });

  it("round-trips through parseBattleMapSearch", () => {
    const state = {
      zoom: "quarter" as const,
      filter: {
        taskForceIds: ["tf-03", "tf-01"],
        responsibleUnitId: null,
        responsiblePersonId: "p-9",
        lights: ["red", "grey"] as PageFilter["lights"],
        criticalOnly: true,
      },
    };
    const s = battleMapSearch(state);
    expect(s.toString()).toBe("zoom=quarter&tf=tf-03&tf=tf-01&person=p-9&light=red&light=grey&critical=1");
    expect(parseBattleMapSearch(new URLSearchParams(s.toString()))).toEqual(state);
  });
});

describe("knownFilter", () => {
  const options = {
    taskForces: [{ value: "tf-01", label: "01 项目" }],
    units: [{ value: "ou-1", label: "发改局" }],
    persons: [{ value: "p-1", label: "张三" }],
  };

  it("drops ids the map does not know", () => {
    const f: PageFilter = {
      ...EMPTY_PAGE_FILTER,
      taskForceIds: ["tf-01", "tf-99"],
      responsibleUnitId: "ou-9",
      responsiblePersonId: "p-1",
    };
    expect(knownFilter(f, options)).toEqual({
      ...EMPTY_PAGE_FILTER,
      taskForceIds: ["tf-01"],
      responsibleUnitId: null,
      responsiblePersonId: "p-1",
    });
  });

  it("returns the same object when every id is known (no needless redraw)", () => {
    const f: PageFilter = { ...EMPTY_PAGE_FILTER, taskForceIds: ["tf-01"], responsibleUnitId: "ou-1" };
    expect(knownFilter(f, options)).toBe(f);
  });
});
