/**
 * Accessibility checks with axe-core, offline: the library's own file from node_modules is
 * evaluated in the page (over the DevTools protocol, which the app's script-src 'self' does not
 * govern, so no inline <script> is needed), then run against WCAG 2.1 A and AA.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AxeResults, ImpactValue, RunOptions } from "axe-core";
import type { Page } from "playwright-core";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** The WCAG 2.0/2.1 level A and AA rules. */
export const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Rules saying a control has no name: every one of them fails, whatever its impact. */
export const UNNAMED_CONTROL_RULES = new Set([
  "label",
  "button-name",
  "select-name",
  "link-name",
  "aria-input-field-name",
]);

/**
 * Serious rules the pages are clean of, so they fail too: a visible label missing from the
 * accessible name (voice control says what it sees, WCAG 2.5.3), and text under 4.5:1 (1.4.3).
 */
export const SERIOUS_RULES = new Set(["label-content-name-mismatch", "color-contrast"]);

/** One violated rule on one page, with the elements that violate it. */
export interface Violation {
  readonly id: string;
  readonly impact: ImpactValue | null;
  readonly help: string;
  /** Each element's selector and its HTML, cut short. */
  readonly nodes: string[];
}

/** A finding of axe in a third-party component that our code cannot change. */
export interface KnownException {
  readonly rule: string;
  /** The element axe names, as a CSS selector. */
  readonly element: string;
  readonly why: string;
}

/** The findings every page may have. */
export const KNOWN_EXCEPTIONS: readonly KnownException[] = [
  {
    rule: "aria-required-children",
    element: ".ant-tabs-nav:has(> .ant-tabs-nav-operations .ant-tabs-nav-more)",
    why:
      "antd Tabs renders its overflow menu button (…) inside the role=tablist element it draws; " +
      "whether a tablist may own a button is open in ARIA itself (w3c/aria#2322)",
  },
];

/**
 * Runs axe on the page (injecting it once per document) and returns its violations, less the
 * known exceptions and the parts of the page `exclude` names.
 */
export async function axeViolations(
  p: Page,
  exclude: readonly string[] = [],
  known: readonly KnownException[] = KNOWN_EXCEPTIONS,
): Promise<Violation[]> {
  if (!(await p.evaluate(() => "axe" in window))) await p.evaluate(AXE_SOURCE);
  const options: RunOptions = { runOnly: { type: "tag", values: WCAG_21_AA }, resultTypes: ["violations"] };
  return p.evaluate(
    async ({ options, exclude, known }) => {
      const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<AxeResults> } })
        .axe;
      const context = exclude.length ? { exclude: exclude.map((s) => [s]) } : document;
      const results = await axe.run(context, options);
      const isKnown = (rule: string, target: unknown[]) => {
        const el = typeof target[0] === "string" ? document.querySelector(target[0]) : null;
        return known.some((k) => k.rule === rule && !!el?.matches(k.element));
      };
      return results.violations
        .map((v) => ({
          id: v.id,
          impact: v.impact ?? null,
          help: v.help,
          nodes: v.nodes
            .filter((n) => !isKnown(v.id, n.target))
            .map((n) => {
              const why = (n.failureSummary ?? "").split("\n").slice(1).join(" ").trim();
              return `${n.target.join(" ")} ${n.html.slice(0, 120)}${why ? ` — ${why}` : ""}`;
            }),
        }))
        .filter((v) => v.nodes.length > 0);
    },
    { options, exclude: [...exclude], known: [...known] },
  );
}

/**
 * The violations a page may not have: any critical one, any control without a name, and the
 * serious rules of {@link SERIOUS_RULES}.
 */
export function blocking(violations: readonly Violation[]): Violation[] {
  return violations.filter(
    (v) => v.impact === "critical" || UNNAMED_CONTROL_RULES.has(v.id) || SERIOUS_RULES.has(v.id),
  );
}
