import { describe, expect, it } from "vitest";
import { evidenceContentType, evidenceProblem, evidenceView } from "./evidence";

describe("evidence", () => {
  it("takes the browser's type when accepted, else the extension's", () => {
    expect(evidenceContentType("a.png", "image/png")).toBe("image/png");
    expect(evidenceContentType("纪要.DOCX", "")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(evidenceContentType("a.zip", "application/zip")).toBe("application/zip");
  });

  it("refuses other types, empty files and files over 10 MiB", () => {
    expect(evidenceProblem({ type: "image/png", size: 10 })).toBeNull();
    expect(evidenceProblem({ type: "application/zip", size: 10 })).toBe("type");
    expect(evidenceProblem({ type: "image/png", size: 0 })).toBe("empty");
    expect(evidenceProblem({ type: "image/png", size: 10 * 1024 * 1024 + 1 })).toBe("size");
  });

  it("shows attachment references, links and plain names apart", () => {
    expect(evidenceView("attachment:abc-1:现场:照片.png")).toEqual({
      kind: "attachment",
      id: "abc-1",
      fileName: "现场:照片.png",
    });
    expect(evidenceView("https://oa.example/doc/1")).toEqual({
      kind: "link",
      href: "https://oa.example/doc/1",
    });
    expect(evidenceView("验收报告.pdf")).toEqual({ kind: "text", text: "验收报告.pdf" });
    expect(evidenceView("attachment:bad id")).toEqual({ kind: "text", text: "attachment:bad id" });
  });
});
