import { describe, expect, it } from "vitest";
import { isKeyQuery, normaliseQuery, queryLength, searchKeysOf } from "./search-text.js";

describe("search keys", () => {
  it.each([
    ["招商引资", "zsyz", "zhaoshangyinzi"],
    ["建立招商项目线索库", "jlzsxmxsk", "jianlizhaoshangxiangmuxiansuoku"],
    ["梳理2023年重大项目储备库", "sl2023nzdxmcbk", "shuli2023nianzhongdaxiangmuchubeiku"],
    ["营商环境（“四个服务”）专班", "yshjsgfwzb", "yingshanghuanjingsigefuwuzhuanban"],
    ["5G基站建设", "5gjzjs", "5gjizhanjianshe"],
    ["绿色低碳", "lsdt", "lvseditan"],
  ])("writes %s as initials %s and pinyin %s (letters and digits only)", (title, initials, pinyin) => {
    expect(searchKeysOf("01.2", title)).toEqual({ codeKey: "01.2", initials, pinyin });
  });

  it("reads a person's surname as a surname (单 shan, 曾 zeng), a title's first character as a word", () => {
    expect(searchKeysOf("", "单雄信", true).initials).toBe("sxx");
    expect(searchKeysOf("", "曾国藩", true).pinyin).toBe("zengguofan");
  });

  it("lower-cases codes", () => {
    expect(searchKeysOf("ZB01-1", "固定资产投资增速").codeKey).toBe("zb01-1");
  });

  it("normalises a query and measures it in characters", () => {
    expect(normaliseQuery("  ZSYZ \t 专班 ")).toBe("zsyz 专班");
    expect(queryLength("招商")).toBe(2);
    expect(isKeyQuery("01.2")).toBe(true);
    expect(isKeyQuery("招商")).toBe(false);
  });
});
