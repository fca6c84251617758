import { describe, expect, it } from "vitest";
import { parseInterval } from "./use-slide-interval";

describe("parseInterval", () => {
  it.each([
    ["30", 30],
    ["7.4", 7],
    ["1", 2],
    ["99999", 3600],
    ["-5", null],
    ["abc", null],
    ["", null],
    [null, null],
  ])("reads %s as %s seconds", (text, seconds) => {
    expect(parseInterval(text)).toBe(seconds);
  });
});
