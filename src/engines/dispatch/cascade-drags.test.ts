import { describe, expect, it } from "vitest";
import { cascadeDrags } from "./cascade-drags.js";
import type { DispatchIndicator } from "./types.js";

const ind = (o: Partial<DispatchIndicator> & { id: string }): DispatchIndicator => ({
  taskForceId: "tf-01",
  code: o.id.toUpperCase(),
  name: "招商引资到位资金",
  unit: "亿元",
  kind: "cumulative",
  direction: "up",
  target: 100,
  reading: { period: "2022-07", actual: 50 },
  reportedOn: null,
  trend: "flat",
  color: "green",
  workProgress: 50,
  timeProgress: 58,
  ...o,
});

describe("cascadeDrags: the shares that pull their parent down", () => {
  it.each([
    {
      name: "a share further behind its time than the parent is named; one ahead is not",
      shares: [
        { id: "s1", holder: "南湖街道", workProgress: 40, reading: { period: "2022-07", actual: 20 } },
        { id: "s2", holder: "青龙街道", workProgress: 62, reading: { period: "2022-07", actual: 31 } },
      ],
      parent: { workProgress: 51 },
      expected: ["南湖街道"],
    },
    {
      name: "a red share is named even when the parent is further behind; a yellow one is not",
      shares: [
        { id: "s1", holder: "南湖街道", workProgress: 52, color: "red" as const },
        { id: "s2", holder: "青龙街道", workProgress: 54, color: "yellow" as const },
      ],
      parent: { workProgress: 30 },
      expected: ["南湖街道"],
    },
    {
      name: "worst first",
      shares: [
        { id: "s1", holder: "南湖街道", workProgress: 45 },
        { id: "s2", holder: "青龙街道", workProgress: 20 },
      ],
      parent: { workProgress: 50 },
      expected: ["青龙街道", "南湖街道"],
    },
    {
      name: "a share without a reading is not judged",
      shares: [{ id: "s1", holder: "南湖街道", reading: null, workProgress: null }],
      parent: { workProgress: 50 },
      expected: [],
    },
  ])("$name", ({ shares, parent, expected }) => {
    const drags = cascadeDrags([
      ind({ id: "p", ...parent }),
      ...shares.map((s) => ind({ parentId: "p", ...s })),
    ]);
    expect(drags.flatMap((d) => d.laggards.map((l) => l.holder))).toEqual(expected);
    if (expected.length) expect(drags[0]!.text.zh).toContain(expected[0]);
  });

  it("judges a rate share by its gap to target, flipped when lower is better", () => {
    const rate = { kind: "rate" as const, target: 10, workProgress: null, timeProgress: 58 };
    const drags = cascadeDrags([
      ind({ id: "p", ...rate, reading: { period: "2022-07", actual: 9.5 } }),
      ind({ id: "a", parentId: "p", holder: "A", ...rate, reading: { period: "2022-07", actual: 7 } }),
      ind({ id: "b", parentId: "p", holder: "B", ...rate, reading: { period: "2022-07", actual: 12 } }),
    ]);
    expect(drags[0]!.laggards).toMatchObject([{ holder: "A", behind: 3 }]);
    const down = { ...rate, direction: "down" as const };
    const capped = cascadeDrags([
      ind({ id: "p", ...down, reading: { period: "2022-07", actual: 10.5 } }),
      ind({ id: "a", parentId: "p", holder: "A", ...down, reading: { period: "2022-07", actual: 13 } }),
    ]);
    expect(capped[0]!.laggards).toMatchObject([{ holder: "A", behind: 3 }]);
  });
});
