import type { DatabaseHandle } from "../src/db/connection.js";
import { postMessages } from "../src/domain/chasing/messages.js";
import { type ServiceContext, serviceContext } from "../src/domain/context.js";
import { createPerson } from "../src/domain/org/person.service.js";
import { write } from "../src/domain/records/transaction.js";
import { updateSettings } from "../src/domain/settings/settings.service.js";

/** A clock a test moves by hand. */
export interface TestClock {
  readonly now: () => Date;
  readonly iso: () => string;
  set(iso: string): void;
  advance(ms: number): void;
}

export function testClock(start = "2026-12-03T01:00:00.000Z"): TestClock {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    iso: () => new Date(t).toISOString(),
    set: (iso) => {
      t = Date.parse(iso);
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

/** Switches the organisation's channels (settings `notifications`) and makes one recipient with an address. */
export async function setUpNotifications(
  database: DatabaseHandle,
  clock: TestClock,
  channels: { readonly webhook?: string | null; readonly emailFrom?: string | null },
): Promise<{ ctx: ServiceContext; personId: string }> {
  const ctx = serviceContext(database, "test", clock.iso);
  await updateSettings(ctx, {
    notifications: {
      ...(channels.webhook !== undefined
        ? {
            webhook: {
              enabled: channels.webhook !== null,
              url: channels.webhook ?? "http://127.0.0.1:9/off",
            },
          }
        : {}),
      ...(channels.emailFrom !== undefined
        ? { email: { enabled: channels.emailFrom !== null, from: channels.emailFrom ?? "off@example.cn" } }
        : {}),
    },
  });
  const person = await createPerson(ctx, { name: "张伟", email: "zhangwei@example.cn" });
  return { ctx, personId: person.id };
}

/** Posts `n` overdue chases to `personId` (as the chasing loop would), in one write; their message ids. */
export function postChases(ctx: ServiceContext, personId: string, n: number): Promise<string[]> {
  return write(ctx, (w) =>
    postMessages(
      w,
      Array.from({ length: n }, (_, i) => ({
        personId,
        kind: "chase" as const,
        taskForceId: null,
        subject: { kind: "task" as const, id: `task-${i}` },
        params: {
          rule: "overdue",
          level: "owner",
          subjectCode: `01.${i + 1}`,
          subjectTitle: "开展入户摸底调查",
          dueDate: "2026-11-30",
          workdaysLate: 3,
          senderName: "李娜",
        },
      })),
    ),
  );
}
