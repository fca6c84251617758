import { describe, expect, it } from "vitest";
import { parseQueueFilter, QUEUE_FILTERS, queueQuery, queueSearch } from "./queue-params";

const q = (s: string) => new URLSearchParams(s);

describe("parseQueueFilter", () => {
  it("opens on submitted items", () => {
    expect(parseQueueFilter(q(""))).toBe("submitted");
  });

  it("reads every state and all", () => {
    for (const f of QUEUE_FILTERS) expect(parseQueueFilter(q(`state=${f}`))).toBe(f);
  });

  it("ignores values it does not know", () => {
    expect(parseQueueFilter(q("state=closed"))).toBe("submitted");
    expect(parseQueueFilter(q("state=VERIFIED"))).toBe("submitted");
    expect(parseQueueFilter(q("state="))).toBe("submitted");
  });
});

describe("queueSearch", () => {
  it("writes the filter and keeps other parameters", () => {
    expect(queueSearch(q("x=1"), "verified").toString()).toBe("x=1&state=verified");
  });

  it("leaves the default out", () => {
    expect(queueSearch(q("state=all"), "submitted").toString()).toBe("");
  });
});

describe("queueQuery", () => {
  it("asks for one state, or every state for all", () => {
    expect(queueQuery("open")).toEqual({ state: "open" });
    expect(queueQuery("all")).toEqual({});
  });
});
