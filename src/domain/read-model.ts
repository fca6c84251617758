import { readableTaskForces } from "./accounts/scope.js";
import { readerOf, type ServiceContext } from "./context.js";
import type { CachedBody, ReadCache } from "./read-cache.js";
import { organisationStatusDate } from "./settings/settings.service.js";

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
  read: { readonly name: string; readonly params?: object; readonly statusDate?: string | undefined },
  render: (statusDate: string) => Promise<string>,
): Promise<CachedBody> {
  const statusDate = read.statusDate ?? (await organisationStatusDate(ctx));
  const readable = readableTaskForces(ctx.principal);
  const scope = readable ? [...readable].sort().join(",") : "*";
  const key = JSON.stringify([read.name, statusDate, scope, read.params ?? null]);
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
