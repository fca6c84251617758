import { readableTaskForces } from "./accounts/scope.js";
import { readerOf, type ServiceContext } from "./context.js";
import type { CachedBody, ReadCache, RevisionMemo } from "./read-cache.js";
import { organisationStatusDate } from "./settings/settings.service.js";

/** The key of a read: its name and parameters, status date and the task forces the caller may read. */
async function readKey(ctx: ServiceContext, read: ReadModelRequest) {
  const statusDate = read.statusDate ?? (await organisationStatusDate(ctx));
  const readable = readableTaskForces(ctx.principal);
  const scope = readable ? [...readable].sort().join(",") : "*";
  return { statusDate, key: JSON.stringify([read.name, statusDate, scope, read.params ?? null]) };
}

interface ReadModelRequest {
  readonly name: string;
  readonly params?: object;
  readonly statusDate?: string | undefined;
}

/** A computed read model from `memo` under the same key as {@link cachedReadModel}'s. */
export async function memoReadModel<T>(
  ctx: ServiceContext,
  memo: RevisionMemo<T>,
  read: ReadModelRequest,
  compute: (statusDate: string) => Promise<T>,
): Promise<T> {
  const { statusDate, key } = await readKey(ctx, read);
  return memo.get(readerOf(ctx), key, () => compute(statusDate), ctx.uow ? undefined : ctx.dataRevision);
}

/**
 * Serves a rendered read model (overview, battle map, dispatch report, nested task force …) from
 * `cache`, under the one key every cached read uses: its name and parameters, the status date it is
 * computed at (the one asked for, else the organisation's today in its time zone — so the first read
 * after midnight in Asia/Shanghai renders afresh) and the task forces the caller may read. The cache
 * itself is valid per data revision. `render` gets the status date. The context's observer hears
 * of each lookup under the read's name.
 */
export async function cachedReadModel(
  ctx: ServiceContext,
  cache: ReadCache,
  read: ReadModelRequest,
  render: (statusDate: string) => Promise<string>,
): Promise<CachedBody> {
  const { statusDate, key } = await readKey(ctx, read);
  // A miss is a request that rendered; one that waited for another's render saved the work too.
  let rendered = false;
  const body = await cache.get(
    readerOf(ctx),
    key,
    () => {
      rendered = true;
      return render(statusDate);
    },
    ctx.uow ? undefined : ctx.dataRevision,
  );
  ctx.observer?.cacheLookup(read.name, !rendered);
  return body;
}
