import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/client";
import { orgEn, orgZh } from "../../i18n/admin-org";
import { explainDeleteRefusal, ORG_REFERRERS, referrerKey, type Translate } from "./org-errors";

/** A translator over the org words alone, interpolating `{{x}}`. */
const translator =
  (words: typeof orgZh): Translate =>
  (key, options = {}) => {
    let node: unknown = { org: words };
    for (const part of key.split(".")) node = (node as Record<string, unknown>)[part];
    if (typeof node !== "string") throw new Error(`missing ${key}`);
    return node.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(options[k]));
  };
const zh = translator(orgZh);

const refused = (details: { path: string; n: number }[]) =>
  new ApiError(
    409,
    "STILL_REFERENCED",
    "org unit ou-x is still referenced",
    details.map((d) => ({
      path: d.path,
      message: `${d.n} thing(s)`,
      key: "stillReferenced",
      params: { n: d.n },
    })),
  );

describe("explainDeleteRefusal", () => {
  it("names each kind of referring record with its count", () => {
    const view = explainDeleteRefusal(
      refused([
        { path: "persons.orgUnitId", n: 5 },
        { path: "tasks.responsibleUnitId", n: 12 },
      ]),
      zh,
    );
    expect(view).toEqual({
      title: orgZh.refusedDelete,
      items: ["5 名人员属于该单位", "12 项任务以其为责任单位"],
    });
  });

  it("lists the names the screen knows, three at most", () => {
    const names = (path: string) => (path === "org-units.parentId" ? ["甲", "乙", "丙", "丁"] : ["张三"]);
    const view = explainDeleteRefusal(
      refused([
        { path: "org-units.parentId", n: 4 },
        { path: "persons.orgUnitId", n: 1 },
      ]),
      zh,
      names,
    );
    expect(view?.items).toEqual(["4 个下级单位：甲、乙、丙 等", "1 名人员属于该单位：张三"]);
  });

  it("counts a referrer it has no words for as other records", () => {
    expect(explainDeleteRefusal(refused([{ path: "widgets.unitId", n: 2 }]), zh)?.items).toEqual([
      "2 条其他记录",
    ]);
  });

  it("leaves other errors to the generic alert", () => {
    expect(explainDeleteRefusal(new ApiError(409, "STALE_VERSION", "stale"), zh)).toBeNull();
    expect(explainDeleteRefusal(new Error("offline"), zh)).toBeNull();
    expect(explainDeleteRefusal(null, zh)).toBeNull();
  });

  it("has words for every referrer in both languages", () => {
    for (const words of [orgZh, orgEn])
      for (const path of ORG_REFERRERS)
        expect(() => translator(words)(referrerKey(path), { count: 1 })).not.toThrow();
  });
});
