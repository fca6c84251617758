/**
 * Timelines (时间线) of a task and of a 督办单, for whoever may read the record: its sources read in
 * a fixed number of queries, merged by the timeline engine, people named by their display names.
 */
import {
  type Evidence,
  evidenceSpan,
  type ItemSource,
  type TimelineEvent,
  type TimelineSources,
  timelineOf,
  within,
} from "../../engines/timeline/index.js";
import { parseAttachmentRef } from "../../shared/api/attachments.js";
import { attachmentPath, type Timeline } from "../../shared/api/timeline.js";
import { readerOf, type ServiceContext } from "../context.js";
import { actionDayOf, organisationSettings, statusDateOf } from "../settings/settings.service.js";
import { getSupervisionItem } from "../supervision/supervision.service.js";
import { getTaskForce } from "../task-forces/task-force.service.js";
import { getTask } from "../tasks/task.service.js";
import {
  attachmentsOfTask,
  auditOf,
  chasesAbout,
  commentsOn,
  extensionsOfTask,
  itemsOfTask,
  personNames,
  reportsOfTask,
  taskHeading,
  toItemEntry,
  toTaskEntry,
  unitName,
  userNames,
} from "./timeline.repository.js";

/** A report's evidence entry: an attachment it names, or a plain entry as written. */
function evidenceOf(entry: string): Evidence {
  const ref = parseAttachmentRef(entry);
  return ref ? { name: ref.fileName, attachmentId: ref.id } : { name: entry, attachmentId: null };
}

/** Every username and person id the sources name, for one query each. */
function whoIsNamed(s: TimelineSources, extraPersons: readonly (string | null)[]) {
  const users = [
    ...(s.taskEntries ?? []).map((e) => e.actor),
    ...(s.items ?? []).flatMap((i) => i.entries.map((e) => e.actor)),
    ...(s.reports ?? []).flatMap((r) => (r.recordedBy ? [r.recordedBy] : [])),
    ...(s.comments ?? []).map((c) => c.author),
    ...(s.attachments ?? []).map((a) => a.createdBy),
    ...(s.chases ?? []).map((c) => c.sender),
    ...(s.extensions ?? []).flatMap((x) => [x.requestedBy, x.decidedBy ?? ""]),
  ];
  const persons = [
    ...extraPersons,
    ...(s.items ?? []).flatMap((i) => [i.raisedById, i.verifiedById]),
    ...(s.reports ?? []).map((r) => r.reportedById),
  ];
  return {
    users: users.filter((u) => u !== ""),
    persons: persons.filter((p): p is string => p !== null),
  };
}

/** The merged events with their evidence's download paths, and the status date. */
async function eventsOf(
  ctx: ServiceContext,
  sources: TimelineSources,
  nameItems: boolean,
  personIds: readonly (string | null)[],
) {
  const db = readerOf(ctx);
  const who = whoIsNamed(sources, personIds);
  const [settings, users, persons] = await Promise.all([
    organisationSettings(ctx),
    userNames(db, who.users),
    personNames(db, who.persons),
  ]);
  // An event's own day, but never past a fixed status date (then every day reads "as of" it).
  const dayOf = (at: string) => actionDayOf(settings, new Date(at));
  const events = timelineOf(sources, { dayOf, names: { users, persons }, nameItems });
  return {
    statusDate: statusDateOf(settings, new Date(ctx.now())),
    persons,
    events: events.map(present),
  };
}

const present = (e: TimelineEvent): Timeline["events"][number] => ({
  ...e,
  evidence: e.evidence.map((x) => ({
    ...x,
    url: x.attachmentId ? attachmentPath(x.attachmentId) : null,
  })),
});

/**
 * A task's timeline: its creation, progress reports, evidence, comments, 催办, 延期申请, completion
 * review and the steps of the 督办单 raised on it. 403/404 as reading the task.
 */
export async function taskTimeline(ctx: ServiceContext, taskId: string): Promise<Timeline> {
  const task = await getTask(ctx, taskId);
  const db = readerOf(ctx);
  const [audit, items, reports, comments, attachments, chases, extensions, tf, unit] = await Promise.all([
    auditOf(db, { taskId }),
    itemsOfTask(db, taskId),
    reportsOfTask(db, taskId),
    commentsOn(db, { taskId }),
    attachmentsOfTask(db, taskId),
    chasesAbout(db, taskId),
    extensionsOfTask(db, taskId),
    getTaskForce(ctx, task.taskForceId),
    unitName(db, task.responsibleUnitId),
  ]);
  const recordedBy = new Map(
    audit.filter((a) => a.entity === "progress_report").map((a) => [a.entityId, a.actor]),
  );
  const sources: TimelineSources = {
    taskEntries: audit.filter((a) => a.entity === "task").map(toTaskEntry),
    items: items.map((i) => ({
      ...i,
      entries: audit.filter((a) => a.entity === "supervision_item" && a.entityId === i.id).map(toItemEntry),
    })),
    reports: reports.map((r) => ({
      ...r,
      evidence: r.evidence.map(evidenceOf),
      recordedBy: recordedBy.get(r.id) ?? null,
    })),
    comments,
    attachments,
    chases,
    extensions,
  };
  const { statusDate, persons, events } = await eventsOf(ctx, sources, true, [task.responsiblePersonId]);
  return {
    subject: {
      kind: "task",
      id: task.id,
      code: task.code,
      title: task.title,
      taskForceId: task.taskForceId,
      taskForceName: tf.name,
      ownerName: (task.responsiblePersonId && persons.get(task.responsiblePersonId)) || null,
      unitName: unit,
      deadline: task.deadline,
      state: task.status,
      taskLabel: null,
    },
    statusDate,
    events,
  };
}

/**
 * A 督办单's timeline: raised, started, submitted, returned, verified (销号), escalated, its comments,
 * its 催办, and the evidence attached to its task while it was open. 403/404 as reading the item.
 */
export async function supervisionItemTimeline(ctx: ServiceContext, itemId: string): Promise<Timeline> {
  const item = await getSupervisionItem(ctx, itemId);
  const db = readerOf(ctx);
  const [audit, comments, chases, files, heading, tf, unit] = await Promise.all([
    auditOf(db, { itemId }),
    commentsOn(db, { supervisionItemId: itemId }),
    chasesAbout(db, itemId),
    item.taskId ? attachmentsOfTask(db, item.taskId, item.createdAt) : [],
    item.taskId ? taskHeading(db, item.taskId) : undefined,
    getTaskForce(ctx, item.taskForceId),
    unitName(db, item.responsibleUnitId),
  ]);
  const source: ItemSource = { ...item, entries: audit.map(toItemEntry) };
  const sources: TimelineSources = {
    items: [source],
    comments,
    chases,
    attachments: within(files, evidenceSpan(source)),
  };
  const { statusDate, persons, events } = await eventsOf(ctx, sources, false, [item.responsiblePersonId]);
  return {
    subject: {
      kind: "supervisionItem",
      id: item.id,
      code: item.code,
      title: item.issue,
      taskForceId: item.taskForceId,
      taskForceName: tf.name,
      ownerName: (item.responsiblePersonId && persons.get(item.responsiblePersonId)) || null,
      unitName: unit,
      deadline: item.dueDate,
      state: item.state,
      taskLabel: heading ? `${heading.code} ${heading.title}` : null,
    },
    statusDate,
    events,
  };
}
