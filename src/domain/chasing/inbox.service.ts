/** The caller's in-app inbox: messages to their person, unread first counted, marked read. */
import type { InboxMessage } from "../../shared/api/reminders.js";
import { readerOf, type ServiceContext } from "../context.js";
import { write } from "../records/transaction.js";

export interface InboxPage {
  readonly items: InboxMessage[];
  readonly total: number;
  readonly unread: number;
  readonly limit: number;
  readonly offset: number;
}

const params = (json: string): InboxMessage["params"] => {
  const v: unknown = JSON.parse(json);
  return v && typeof v === "object" ? Object.fromEntries(Object.entries(v)) : {};
};

const subjectKind = (k: string | null): InboxMessage["subjectKind"] =>
  k === "task" || k === "supervisionItem" ? k : null;

/** A page of the caller's messages, newest first, with the unread count (a user without a person has none). */
export async function listInbox(
  ctx: ServiceContext,
  q: { unread?: boolean; limit: number; offset: number },
): Promise<InboxPage> {
  const personId = ctx.principal?.personId;
  const empty = { items: [], total: 0, unread: 0, limit: q.limit, offset: q.offset };
  if (!personId) return empty;
  const db = readerOf(ctx);
  const limited = ctx.principal?.taskForceScope;
  // A token limited to one task force reads only that task force's messages.
  const mine = limited
    ? db.selectFrom("messages").where("personId", "=", personId).where("taskForceId", "=", limited)
    : db.selectFrom("messages").where("personId", "=", personId);
  const count = async (unreadOnly: boolean) =>
    Number(
      (
        await (unreadOnly ? mine.where("readAt", "is", null) : mine)
          .select((e) => e.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const unread = await count(true);
  const total = q.unread ? unread : await count(false);
  const rows = await (q.unread ? mine.where("readAt", "is", null) : mine)
    .selectAll()
    .orderBy("createdAt", "desc")
    .orderBy("id", "desc")
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  const items = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    taskForceId: r.taskForceId,
    subjectKind: subjectKind(r.subjectKind),
    subjectId: r.subjectId,
    chaseId: r.chaseId,
    params: params(r.params),
    createdAt: r.createdAt,
    readAt: r.readAt,
  }));
  return { items, total, unread, limit: q.limit, offset: q.offset };
}

/** Marks the caller's messages read (these, or all); a chase's first reading is kept on it. Returns how many. */
export function markInboxRead(
  ctx: ServiceContext,
  which: { ids: string[] } | { all: true },
): Promise<number> {
  const personId = ctx.principal?.personId;
  if (!personId) return Promise.resolve(0);
  return write(ctx, async (w) => {
    const db = w.uow.db;
    const at = w.now();
    let unread = db
      .selectFrom("messages")
      .select(["id", "chaseId"])
      .where("personId", "=", personId)
      .where("readAt", "is", null);
    if ("ids" in which) unread = unread.where("id", "in", which.ids);
    const rows = await unread.execute();
    if (rows.length === 0) return 0;
    for (let i = 0; i < rows.length; i += 500) {
      const slice = rows.slice(i, i + 500);
      await db
        .updateTable("messages")
        .set({ readAt: at })
        .where(
          "id",
          "in",
          slice.map((r) => r.id),
        )
        .execute();
      const chases = slice.flatMap((r) => (r.chaseId ? [r.chaseId] : []));
      if (chases.length)
        await db
          .updateTable("chases")
          .set({ readAt: at })
          .where("id", "in", chases)
          .where("readAt", "is", null)
          .execute();
    }
    return rows.length;
  });
}
