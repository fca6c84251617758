import { describe, expect, it } from "vitest";
import { buildTicks, buildTimeScale, dayOfIso, dayOfX, isoOfDay, isWeekend, xOfDay } from "./time-scale";

describe("dayOfIso", () => {
  it("counts days from 1970-01-01 and round-trips through isoOfDay", () => {
    expect(dayOfIso("1970-01-01")).toBe(0);
    expect(dayOfIso("2022-08-15") - dayOfIso("2022-08-14")).toBe(1);
    for (const iso of ["2020-02-29", "2022-03-01", "2022-12-31", "2024-01-01", "1999-12-31"]) {
      expect(isoOfDay(dayOfIso(iso))).toBe(iso);
    }
  });
  it("agrees with Date.UTC over several years", () => {
    for (let d = dayOfIso("2019-01-01"); d < dayOfIso("2026-01-01"); d += 13) {
      expect(dayOfIso(isoOfDay(d))).toBe(d);
    }
  });
});

describe("buildTimeScale", () => {
  it("pads to whole months, one month before and after", () => {
    const s = buildTimeScale(dayOfIso("2022-07-10"), dayOfIso("2022-12-30"), "month");
    expect(isoOfDay(s.startDay)).toBe("2022-06-01");
    expect(isoOfDay(s.endDay)).toBe("2023-02-01");
    expect(s.width).toBe(Math.ceil((s.endDay - s.startDay) * s.pxPerDay));
  });
  it("maps days to pixels and back", () => {
    const s = buildTimeScale(dayOfIso("2022-07-01"), dayOfIso("2022-12-31"), "week");
    const d = dayOfIso("2022-08-15");
    expect(dayOfX(s, xOfDay(s, d) + 1)).toBe(d);
    expect(xOfDay(s, d + 1) - xOfDay(s, d)).toBe(s.pxPerDay);
  });
  it("is wider at week zoom than at month, and at month than at quarter", () => {
    const [w, m, q] = (["week", "month", "quarter"] as const).map(
      (z) => buildTimeScale(dayOfIso("2022-07-01"), dayOfIso("2022-12-31"), z).width,
    );
    expect(w).toBeGreaterThan(m!);
    expect(m).toBeGreaterThan(q!);
  });
});

describe("buildTicks", () => {
  const scale = (z: "week" | "month" | "quarter") =>
    buildTimeScale(dayOfIso("2022-07-01"), dayOfIso("2022-12-31"), z);
  it("labels months in Chinese and English", () => {
    expect(buildTicks(scale("month"), "zh").major[1]!.label).toBe("2022年7月");
    expect(buildTicks(scale("month"), "en").major[1]!.label).toBe("Jul 2022");
  });
  it("puts minor ticks on Mondays at week and month zoom", () => {
    for (const t of buildTicks(scale("week"), "zh").minor)
      expect(new Date(`${isoOfDay(t.day)}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(buildTicks(scale("week"), "zh").minor.find((t) => isoOfDay(t.day) === "2022-08-15")?.label).toBe(
      "8/15",
    );
  });
  it("shows quarters over months at quarter zoom", () => {
    const t = buildTicks(scale("quarter"), "zh");
    expect(t.major.map((x) => x.label)).toEqual(["2022 Q2", "2022 Q3", "2022 Q4", "2023 Q1"]);
    expect(t.minor.map((x) => x.label).slice(0, 3)).toEqual(["6月", "7月", "8月"]);
  });
});

describe("isWeekend", () => {
  it("is true on Saturday and Sunday only", () => {
    expect(isWeekend(dayOfIso("2022-08-13"))).toBe(true);
    expect(isWeekend(dayOfIso("2022-08-14"))).toBe(true);
    expect(isWeekend(dayOfIso("2022-08-15"))).toBe(false);
    expect(isWeekend(dayOfIso("2022-08-19"))).toBe(false);
  });
});
