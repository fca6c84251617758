/**
 * The dispatch report (调度通报) as a file to hand out: the report at a status date, what changed since
 * the previous round, and the organisation's name, laid out as Word (.docx) or Excel (.xlsx).
 */
import type { IsoDate } from "../../engines/index.js";
import { type DispatchReportView, dispatchReportView } from "../closed-loop/dispatch.service.js";
import { readerOf, type ServiceContext } from "../context.js";
import { DEMO_SETTING, demoSetting } from "../demo/demo-accounts.js";
import { getSetting } from "../settings/settings.repository.js";
import { changesSince, type DispatchChanges, previousRoundDate } from "./dispatch-changes.js";
import { type DocumentLang, WORDS } from "./dispatch-document-words.js";
import { dispatchDocx } from "./dispatch-docx.js";
import { dispatchRanking, type RankingRow } from "./dispatch-ranking.js";
import { dispatchXlsx } from "./dispatch-xlsx.js";

/** The file formats of the dispatch report document. */
export const DISPATCH_DOCUMENT_FORMATS = ["docx", "xlsx"] as const;
export type DispatchDocumentFormat = (typeof DISPATCH_DOCUMENT_FORMATS)[number];

/** What a dispatch report document is made from. */
export interface DispatchDocumentInput {
  readonly view: DispatchReportView;
  /** Against the report at the last day of the previous round (today's records read at that date). */
  readonly changes: DispatchChanges;
  /** The organisation's name as recorded (the demo district's), or null when none is. */
  readonly organisation: string | null;
  /** The task forces' assessment ranking at the status date. */
  readonly ranking: readonly RankingRow[];
}

/**
 * The organisation's name: settings hold one only for the demo district (`DEMO_SETTING`); null
 * elsewhere, and the document then says 本区 / "The district".
 */
export async function organisationName(ctx: ServiceContext): Promise<string | null> {
  const demo = await getSetting(readerOf(ctx), DEMO_SETTING, demoSetting);
  return demo?.organisation ?? null;
}

/**
 * The report at `statusDate` (default: the organisation's) and its changes since the previous
 * round, whose report is read at the day before the current round's first day.
 */
export async function dispatchDocumentInput(
  ctx: ServiceContext,
  options: { statusDate?: IsoDate } = {},
): Promise<DispatchDocumentInput> {
  const view = await dispatchReportView(ctx, options.statusDate ? { statusDate: options.statusDate } : {});
  const previous = await dispatchReportView(ctx, {
    statusDate: previousRoundDate(view.rounds.current.start),
  });
  return {
    view,
    changes: changesSince(view, previous),
    organisation: await organisationName(ctx),
    ranking: await dispatchRanking(ctx, view.statusDate),
  };
}

/** The dispatch report document as bytes, in `format` and `lang`. */
export async function dispatchReportDocument(
  ctx: ServiceContext,
  options: { format: DispatchDocumentFormat; lang: DocumentLang; statusDate?: IsoDate },
): Promise<Buffer> {
  const input = await dispatchDocumentInput(
    ctx,
    options.statusDate ? { statusDate: options.statusDate } : {},
  );
  const o = {
    organisation: input.organisation ?? WORDS[options.lang].defaultOrganisation,
    lang: options.lang,
    changes: input.changes,
    ranking: input.ranking,
  };
  return options.format === "docx" ? dispatchDocx(input.view, o) : dispatchXlsx(input.view, o);
}
