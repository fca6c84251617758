/**
 * The big screen's slides, built from the data: the overview, then every task force in code order
 * (its battle-map rows fitted to the screen, paged when even the smallest readable rows do not
 * fit), the ranking, the indicator cards (paged), and one indicator cascade (层层衔接) per slide
 * (its shares' rows fitted and paged alike). Pure, so the list is tested without a browser.
 */
import { type CascadeNode, cascadeOf, rootOf } from "../overview/indicator-cascade";

/** Which rows of a task force a slide shows and how tall they are (layout px). */
export interface RowFit {
  readonly pages: number;
  readonly perPage: number;
  readonly rowHeight: number;
}

/** One slide; `key` names it in `?slide=` and in `data-slide`. */
export type Slide =
  | { readonly kind: "overview"; readonly key: string }
  | { readonly kind: "ranking"; readonly key: string }
  | {
      readonly kind: "taskForce";
      readonly key: string;
      readonly taskForceId: string;
      readonly page: number;
      readonly pages: number;
      /** Rows [first, first + count) of the task force's map. */
      readonly first: number;
      readonly count: number;
      readonly rowHeight: number;
    }
  | {
      readonly kind: "indicators";
      readonly key: string;
      readonly page: number;
      readonly pages: number;
      readonly first: number;
      readonly count: number;
    }
  | {
      readonly kind: "cascade";
      readonly key: string;
      /** The cascade's top indicator. */
      readonly rootId: string;
      readonly page: number;
      readonly pages: number;
      /** Shares [first, first + count) of the cascade (its top indicator excluded), in tree order. */
      readonly first: number;
      readonly count: number;
      readonly rowHeight: number;
    };

/** The groups of slides the header lets one jump to. */
export type SlideGroup = "overview" | "battleMap" | "ranking" | "indicators" | "cascade";

/**
 * Rows of `rowHeight` that fit `available` layout px: as tall as `maxRow`, shrunk down to `minRow`,
 * then paged into even pages. Example: 28 rows in 888 px (44 → 30) → 1 page of 28 rows of 31 px.
 */
export function fitRows(rowCount: number, available: number, maxRow: number, minRow: number): RowFit {
  if (rowCount <= 0) return { pages: 1, perPage: 0, rowHeight: maxRow };
  const most = Math.max(1, Math.floor(available / minRow));
  const pages = Math.ceil(rowCount / most);
  const perPage = Math.ceil(rowCount / pages);
  return { pages, perPage, rowHeight: Math.max(minRow, Math.min(maxRow, Math.floor(available / perPage))) };
}

/** What the slide list is built from. */
export interface SlideInput {
  readonly taskForces: readonly { readonly id: string; readonly code: string }[];
  /** Battle-map rows (header row included) per task-force id. */
  readonly rowCounts: ReadonlyMap<string, number>;
  /** Layout px for the rows of a map (its height minus its time-axis header). */
  readonly rowsHeight: number;
  readonly maxRowHeight: number;
  readonly minRowHeight: number;
  readonly indicatorCount: number;
  readonly indicatorsPerPage: number;
  /** Cascades shown after the indicators, in this order: the top indicator and how many shares it has. */
  readonly cascades?: readonly CascadeSlideInput[];
  /** Layout px for a cascade's rows of shares, and their tallest and smallest height. */
  readonly cascadeRowsHeight?: number;
  readonly cascadeMaxRow?: number;
  readonly cascadeMinRow?: number;
}

/** A cascade of the rotation: its top indicator and the number of shares below it (all levels). */
export interface CascadeSlideInput {
  readonly rootId: string;
  readonly code: string;
  readonly shareCount: number;
}

/**
 * The cascades of the rotation: every district-level one (its top indicator of no task force), by
 * code, and the one holding `asked` (`?cascade=`) when it is not among them. Each with its shares counted.
 */
export function rotationCascades(nodes: readonly CascadeNode[], asked: string | null): CascadeSlideInput[] {
  const tops = nodes.filter((n) => n.depth === 0 && n.taskForceId === null).sort(byCode);
  const extra = asked ? rootOf(nodes, asked) : undefined;
  if (extra && !tops.includes(extra)) tops.push(extra);
  return tops.map((n) => ({
    rootId: n.indicatorId,
    code: n.code,
    shareCount: cascadeOf(nodes, n.indicatorId).length - 1,
  }));
}

/** The `?slide=` key of a cascade's slide: `cascade-QZB-1` (its top indicator's code). */
export const cascadeSlideKey = (code: string) => `cascade-${code}`;

const byCode = (a: { code: string }, b: { code: string }) =>
  a.code.localeCompare(b.code, "en", { numeric: true });
const pageKey = (base: string, page: number) => (page === 1 ? base : `${base}.${page}`);

/** The slides in rotation order. */
export function buildSlides(input: SlideInput): Slide[] {
  const slides: Slide[] = [{ kind: "overview", key: "overview" }];
  for (const tf of [...input.taskForces].sort(byCode)) {
    const fit = fitRows(
      input.rowCounts.get(tf.id) ?? 0,
      input.rowsHeight,
      input.maxRowHeight,
      input.minRowHeight,
    );
    for (let page = 1; page <= fit.pages; page++)
      slides.push({
        kind: "taskForce",
        key: pageKey(`tf-${tf.code}`, page),
        taskForceId: tf.id,
        page,
        pages: fit.pages,
        first: (page - 1) * fit.perPage,
        count: fit.perPage,
        rowHeight: fit.rowHeight,
      });
  }
  slides.push({ kind: "ranking", key: "ranking" });
  const per = Math.max(1, input.indicatorsPerPage);
  const pages = Math.max(1, Math.ceil(input.indicatorCount / per));
  const count = Math.ceil(input.indicatorCount / pages);
  for (let page = 1; page <= pages; page++)
    slides.push({
      kind: "indicators",
      key: pageKey("indicators", page),
      page,
      pages,
      first: (page - 1) * count,
      count,
    });
  const keys = new Set<string>();
  for (const c of input.cascades ?? []) {
    // Codes are unique per task force only: a repeated one gets the indicator's id.
    const base = keys.has(cascadeSlideKey(c.code)) ? cascadeSlideKey(c.rootId) : cascadeSlideKey(c.code);
    keys.add(base);
    const fit = fitRows(
      c.shareCount,
      input.cascadeRowsHeight ?? 0,
      input.cascadeMaxRow ?? 72,
      input.cascadeMinRow ?? 40,
    );
    for (let page = 1; page <= fit.pages; page++)
      slides.push({
        kind: "cascade",
        key: pageKey(base, page),
        rootId: c.rootId,
        page,
        pages: fit.pages,
        first: (page - 1) * fit.perPage,
        count: fit.perPage,
        rowHeight: fit.rowHeight,
      });
  }
  return slides;
}

/** The group a slide belongs to. */
export function slideGroup(slide: Slide): SlideGroup {
  return slide.kind === "taskForce" ? "battleMap" : slide.kind;
}
