import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { EngineInputCode } from "../src/engines/index.js";
import { AppError, ERRORS, errorTableMarkdown, isErrorCode } from "../src/shared/errors.js";

const API_DOC = join(import.meta.dirname, "../docs/api.md");
const BEGIN =
  "<!-- errors:begin (generated from src/shared/errors.ts; UPDATE_DOCS=1 npx vitest run test/error-registry.test.ts) -->";
const END = "<!-- errors:end -->";

describe("the error-code registry", () => {
  it("is the table of docs/api.md", () => {
    const doc = readFileSync(API_DOC, "utf8");
    const start = doc.indexOf(BEGIN);
    const end = doc.indexOf(END);
    expect(start, `docs/api.md needs the markers ${BEGIN} … ${END}`).toBeGreaterThan(-1);
    const table = doc.slice(start + BEGIN.length, end).trim();
    if (process.env.UPDATE_DOCS && table !== errorTableMarkdown()) {
      writeFileSync(
        API_DOC,
        `${doc.slice(0, start + BEGIN.length)}\n${errorTableMarkdown()}\n${doc.slice(end)}`,
      );
      return;
    }
    expect(table).toBe(errorTableMarkdown());
  });

  it("has every code the engines raise, as a 400", () => {
    const engineCodes: Record<EngineInputCode, true> = {
      BAD_CALENDAR: true,
      BAD_DATE: true,
      DATE_OUT_OF_RANGE: true,
      BAD_FILE: true,
      BAD_ID: true,
      DUPLICATE_ID: true,
      UNKNOWN_TASK: true,
      BAD_DURATION: true,
      BAD_LAG: true,
      BAD_TYPE: true,
      BAD_PERCENT: true,
      DEADLINE_BEFORE_START: true,
      END_BEFORE_START: true,
      CYCLE: true,
      PARENT_CYCLE: true,
    };
    for (const code of Object.keys(engineCodes)) {
      expect(isErrorCode(code), code).toBe(true);
      if (isErrorCode(code)) expect(ERRORS[code].status).toBe(400);
    }
  });

  it("says every code in both languages, and an error takes its status from its code", () => {
    for (const [code, spec] of Object.entries(ERRORS)) {
      expect(spec.zh, code).toMatch(/[\u4e00-\u9fff]/);
      expect(spec.en, code).toMatch(/^[A-Z]/);
      expect(code).toMatch(/^[A-Z][A-Z_]+$/);
    }
    const e = new AppError("STALE_VERSION");
    expect(e.status).toBe(409);
    expect(e.message).toBe(ERRORS.STALE_VERSION.en);
  });
});
