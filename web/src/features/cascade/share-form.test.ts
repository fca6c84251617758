import { describe, expect, it } from "vitest";
import { nextShareCode } from "./share-form";

describe("nextShareCode", () => {
  it("numbers a share below its parent's code, after the highest taken", () => {
    expect(nextShareCode("ZB01-1", [])).toBe("ZB01-1-1");
    expect(nextShareCode("ZB01-1", ["ZB01-1-1", "ZB01-1-3", "JD-NH-1"])).toBe("ZB01-1-4");
  });

  it("numbers a district indicator after the district's codes", () => {
    expect(nextShareCode(null, ["QZB-1", "QZB-5", "ZB01-1"])).toBe("QZB-6");
    expect(nextShareCode(null, [])).toBe("QZB-1");
  });
});
