import { describe, expect, it } from "vitest";
import { isoDate } from "./common.js";

describe("isoDate", () => {
  it.each(["2022-08-15", "2024-02-29", "2000-02-29", "1900-01-01", "2999-12-31"])("accepts %s", (s) => {
    expect(isoDate.safeParse(s).success).toBe(true);
  });
  it.each([
    ["2023-02-29", "must be a real calendar date"],
    ["1900-02-29", "must be a real calendar date"],
    ["2022-04-31", "must be a real calendar date"],
    ["2022-13-01", "must be a real calendar date"],
    ["2022-00-10", "must be a real calendar date"],
    ["0000-01-01", "must be a real calendar date"],
    ["2022-8-15", "must be a date YYYY-MM-DD"],
    ["2022-08-15T00:00", "must be a date YYYY-MM-DD"],
    ["0001-01-01", "must lie between 1900-01-01 and 2999-12-31"],
    ["9999-12-31", "must lie between 1900-01-01 and 2999-12-31"],
  ])("refuses %s: %s", (s, message) => {
    const r = isoDate.safeParse(s);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe(message);
  });
});
