import type { Migration } from "kysely/migration";
import * as core from "./2026-11-29-0001-core.js";
import * as accounts from "./2026-11-29-0002-accounts.js";
import * as revisions from "./2026-11-29-0003-revisions.js";
import * as schedule from "./2026-11-29-0004-schedule.js";
import * as assessments from "./2026-11-29-0005-assessments.js";
import * as comments from "./2026-11-29-0006-comments.js";
import * as indexes from "./2026-11-29-0007-indexes.js";
import * as commentAuthorName from "./2026-11-29-0008-comment-author-name.js";
import * as dataChanges from "./2026-11-29-0009-data-changes.js";
import * as attachments from "./2026-11-29-0010-attachments.js";
import * as scheduleOnRead from "./2026-12-02-0011-schedule-on-read.js";
import * as sequences from "./2026-12-02-0012-sequences.js";
import * as planBaselines from "./2026-12-02-0013-plan-baselines.js";
import * as auditReason from "./2026-12-02-0014-audit-reason.js";
import * as chasing from "./2026-12-03-0015-chasing.js";
import * as searchIndex from "./2026-12-04-0016-search-index.js";
import * as indicatorCascade from "./2026-12-05-0017-indicator-cascade.js";
import * as listIndexes from "./2026-12-06-0018-list-indexes.js";

/** Every migration, by its sortable name. Add new files here; never edit a released one. */
export const migrations: Record<string, Migration> = {
  "2026-11-29-0001-core": core,
  "2026-11-29-0002-accounts": accounts,
  "2026-11-29-0003-revisions": revisions,
  "2026-11-29-0004-schedule": schedule,
  "2026-11-29-0005-assessments": assessments,
  "2026-11-29-0006-comments": comments,
  "2026-11-29-0007-indexes": indexes,
  "2026-11-29-0008-comment-author-name": commentAuthorName,
  "2026-11-29-0009-data-changes": dataChanges,
  "2026-11-29-0010-attachments": attachments,
  "2026-12-02-0011-schedule-on-read": scheduleOnRead,
  "2026-12-02-0012-sequences": sequences,
  "2026-12-02-0013-plan-baselines": planBaselines,
  "2026-12-02-0014-audit-reason": auditReason,
  "2026-12-03-0015-chasing": chasing,
  "2026-12-04-0016-search-index": searchIndex,
  "2026-12-05-0017-indicator-cascade": indicatorCascade,
  "2026-12-06-0018-list-indexes": listIndexes,
};
