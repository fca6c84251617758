import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { DatabaseHandle } from "../../../db/connection.js";
import { chaseByHand, listChases } from "../../../domain/chasing/chase.service.js";
import { listInbox, markInboxRead } from "../../../domain/chasing/inbox.service.js";
import {
  taskForceReminderSettings as readReminderSettings,
  setTaskForceReminderSettings,
} from "../../../domain/chasing/reminder-settings.service.js";
import { errorBody, id } from "../../../shared/api/common.js";
import {
  chase,
  chaseCreate,
  chaseListQuery,
  chasePage,
  inboxPage,
  inboxQuery,
  inboxRead,
  reminderSettingsView,
  taskForceReminderSettings,
} from "../../../shared/api/reminders.js";
import { actionRule, authenticatedRule, readRule } from "../../policy.js";
import { present } from "../../present.js";
import { contextOf } from "../../request-context.js";

const params = z.strictObject({ id });
const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 422: errorBody };
const flag = (v: "true" | "false" | undefined) => (v === undefined ? undefined : v === "true");

/** 催办 records and the caller's inbox. */
export async function chasingRoutes(app: FastifyInstance, opts: { database: DatabaseHandle }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get("/api/v1/inbox", {
    config: { rule: authenticatedRule },
    schema: {
      tags: ["chasing"],
      summary:
        "The caller's inbox (催办 and other messages to their person), newest first, with the unread count",
      querystring: inboxQuery,
      response: { 200: inboxPage, ...errors },
    },
    handler: async (req) => {
      const { unread, limit, offset } = req.query;
      return present(
        inboxPage,
        await listInbox(contextOf(req, opts.database), { unread: flag(unread), limit, offset }),
      );
    },
  });
  r.post("/api/v1/inbox/read", {
    config: { rule: authenticatedRule },
    schema: {
      tags: ["chasing"],
      summary: "Mark the caller's messages read: the ids given, or all",
      body: inboxRead,
      response: { 200: z.object({ marked: z.number().int() }), ...errors },
    },
    handler: async (req) => ({ marked: await markInboxRead(contextOf(req, opts.database), req.body) }),
  });
  r.get("/api/v1/chases", {
    config: { rule: readRule("chases") },
    schema: {
      tags: ["chasing"],
      summary:
        "催办 records of the task forces the caller may read, newest first: who chased whom about what, why, when sent, read and answered",
      querystring: chaseListQuery,
      response: { 200: chasePage, ...errors },
    },
    handler: async (req) => {
      const { answered, ...q } = req.query;
      return present(
        chasePage,
        await listChases(contextOf(req, opts.database), { ...q, answered: flag(answered) }),
      );
    },
  });
  r.get("/api/v1/task-forces/:id/reminder-settings", {
    config: { rule: readRule("task-forces") },
    schema: {
      tags: ["chasing"],
      summary:
        "A task force's reminder settings: its own changes, the organisation's, and the effective ones",
      params,
      response: { 200: reminderSettingsView, ...errors },
    },
    handler: async (req) =>
      present(reminderSettingsView, await readReminderSettings(contextOf(req, opts.database), req.params.id)),
  });
  r.put("/api/v1/task-forces/:id/reminder-settings", {
    config: { rule: actionRule("task-forces", "reminder-settings") },
    schema: {
      tags: ["chasing"],
      summary:
        "Replace a task force's own reminder settings (days before, overdue interval, each level's grace); {} follows the organisation's",
      params,
      body: taskForceReminderSettings,
      response: { 200: reminderSettingsView, ...errors },
    },
    handler: async (req) =>
      present(
        reminderSettingsView,
        await setTaskForceReminderSettings(contextOf(req, opts.database), req.params.id, req.body),
      ),
  });
  r.post("/api/v1/chases", {
    config: { rule: actionRule("chases", "send") },
    schema: {
      tags: ["chasing"],
      summary:
        "催办 by hand (leads, supervisors, leaders): to the subject's owner, or another person of its chain, with a reason; once per person, subject and day",
      body: chaseCreate,
      response: { 201: chase, ...errors },
    },
    handler: async (req, reply) => {
      const created = await chaseByHand(contextOf(req, opts.database), req.body);
      return reply.code(201).send(present(chase, created));
    },
  });
}
