import { AppError } from "../../shared/errors.js";
import { readerOf, type ServiceContext } from "../context.js";
import { type AuditFilter, listAudit } from "./audit.repository.js";

/**
 * The audit trail, newest first (the route admits admins, the supervision office and leaders). It
 * spans the whole organisation, so an API token limited to one task force may not read it.
 */
export async function listAuditEntries(
  ctx: ServiceContext,
  filter: AuditFilter,
  limit: number,
  offset: number,
) {
  const scope = ctx.principal?.taskForceScope;
  if (scope)
    throw new AppError(
      "FORBIDDEN",
      `this API token is limited to task force ${scope}; the audit trail spans the organisation`,
    );
  const { items, total } = await listAudit(readerOf(ctx), filter, limit, offset);
  return { items, total, limit, offset };
}
