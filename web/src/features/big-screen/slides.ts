/**
 * The big screen's slides, built from the data: the overview, then every task force in code order
 * (its battle-map rows fitted to the screen, paged when even the smallest readable rows do not
 * fit), the ranking, and the indicator cards (paged). Pure, so the list is tested without a browser.
 */

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
    };

/** The four groups of slides the header lets one jump to. */
export type SlideGroup = "overview" | "battleMap" | "ranking" | "indicators";

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
}

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
  return slides;
}

/** The group a slide belongs to. */
export function slideGroup(slide: Slide): SlideGroup {
  return slide.kind === "taskForce" ? "battleMap" : slide.kind;
}
