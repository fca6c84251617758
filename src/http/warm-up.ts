import type { FastifyInstance } from "fastify";
import type { DatabaseHandle } from "../db/connection.js";
import type { ServiceContext } from "../domain/context.js";

/** One read model rendered ahead of its first reader, as an organisation-wide reader asks for it. */
interface Warmer {
  readonly name: string;
  readonly render: (ctx: ServiceContext) => Promise<unknown>;
}

/** Whether the read models a start renders ahead are ready (`/api/v1/health` says so). */
export type Warmth = "warming" | "ready";

interface WarmUpState {
  readonly warmers: Warmer[];
  state: Warmth;
}

declare module "fastify" {
  interface FastifyInstance {
    /** The read models rendered after a start, before anyone asks (see src/http/warm-up.ts). */
    readonly warmUpState: WarmUpState;
  }
}

export function registerWarmUp(app: FastifyInstance): void {
  app.decorate("warmUpState", { warmers: [], state: "ready" } satisfies WarmUpState);
}

/**
 * Has `render` run once after a start, under the key an organisation-wide reader's request uses
 * (the route's own cache, its default query): at a province's size the first overview, dispatch
 * report and battle-map outline compute every task force's share (seconds), and the first reader
 * after a restart should not wait for that. A reader of some task forces reuses the shares kept.
 */
export function warmOnStart(app: FastifyInstance, name: string, render: Warmer["render"]): void {
  app.warmUpState.warmers.push({ name, render });
}

/** What a warm-up rendered and how long each took, in ms. */
export interface WarmUpReport {
  readonly rendered: { readonly name: string; readonly ms: number }[];
  readonly failed: { readonly name: string; readonly error: string }[];
}

/**
 * After `before` (reading the records into memory), renders every registered read model once, one
 * after the other, as the system (which reads every task force, like an admin). A reader arriving meanwhile shares the render in flight (the caches
 * render once per key and revision). A failure only means the first reader renders that one.
 */
export async function warmUp(
  app: FastifyInstance,
  database: DatabaseHandle,
  before?: () => Promise<unknown>,
): Promise<WarmUpReport> {
  const state = app.warmUpState;
  const report: WarmUpReport = { rendered: [], failed: [] };
  // Warming from the call on, so no one reads `ready` while `before` (the records' preload) runs.
  state.state = "warming";
  const ctx: ServiceContext = { database, actor: "system", now: () => app.clock().toISOString() };
  try {
    await before?.().catch((e: Error) => report.failed.push({ name: "preload", error: e.message }));
    for (const { name, render } of state.warmers) {
      const t = performance.now();
      try {
        await render(ctx);
        report.rendered.push({ name, ms: Math.round(performance.now() - t) });
      } catch (e) {
        report.failed.push({ name, error: (e as Error).message });
      }
    }
  } finally {
    state.state = "ready";
  }
  return report;
}
