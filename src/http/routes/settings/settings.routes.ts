import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { DatabaseHandle } from "../../../db/connection.js";
import { organisationSettings, updateSettings } from "../../../domain/settings/settings.service.js";
import { errorBody } from "../../../shared/api/common.js";
import { settingsUpdate, settingsView } from "../../../shared/api/settings.js";
import { readRule, writeRule } from "../../policy.js";
import { present } from "../../present.js";
import { contextOf } from "../../request-context.js";

/** The organisation's settings: readable by everyone signed in, changed by admins. */
export async function settingsRoutes(app: FastifyInstance, opts: { database: DatabaseHandle }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get("/api/v1/settings", {
    config: { rule: readRule("settings") },
    schema: {
      tags: ["settings"],
      summary: "Status date rule, calendar overrides, light thresholds, dispatch round, assessment weights",
      response: { 200: settingsView },
    },
    handler: async (req) => present(settingsView, await organisationSettings(contextOf(req, opts.database))),
  });
  r.put("/api/v1/settings", {
    config: { rule: writeRule("settings") },
    schema: {
      tags: ["settings"],
      summary: "Replace some sections of the settings (audited; a calendar change re-schedules)",
      body: settingsUpdate,
      response: { 200: settingsView, 400: errorBody, 403: errorBody },
    },
    handler: async (req) =>
      present(settingsView, await updateSettings(contextOf(req, opts.database), req.body)),
  });
}
