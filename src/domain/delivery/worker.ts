/**
 * The background worker: every few seconds it runs its jobs — an optional hook first (the daily
 * reminder tick), then the outbox until no row is due. In-process under `guatu serve`, or alone as
 * `guatu worker`. It never throws out of its loop, and stopping waits for the round in flight.
 */
import type { DatabaseHandle } from "../../db/connection.js";
import type { DeliveryLog, DeliveryOptions, Transports } from "./delivery.js";
import { silentLog } from "./delivery.js";
import { type DeliveryTally, deliverAllDue } from "./delivery.service.js";
import { emailChannel } from "./email.js";
import { type SecretValue, webhookTransport } from "./webhook.js";

/** What a worker is built from. */
export interface WorkerOptions {
  readonly database: DatabaseHandle;
  readonly transports: Transports;
  /** The clock (the real one by default). */
  readonly now?: () => Date;
  /** Pause between rounds, in milliseconds (default 5 s). */
  readonly intervalMs?: number;
  readonly options?: Partial<DeliveryOptions>;
  readonly log?: DeliveryLog;
  /** Runs first in every round with the round's instant, e.g. the daily reminder tick. */
  readonly beforeDeliver?: (now: Date) => Promise<void>;
  /** Called once when the worker has stopped (closes the transports' connections). */
  readonly onStopped?: () => void;
}

/** A running worker. */
export interface Worker {
  /** Runs one round now (after the one in flight, if any); what it delivered. */
  runOnce(): Promise<DeliveryTally>;
  /** Stops: no new round starts; resolves when the round in flight has finished. */
  stop(): Promise<void>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Starts the loop; its first round runs at once. */
export function startWorker(o: WorkerOptions): Worker {
  const now = o.now ?? (() => new Date());
  const log = o.log ?? silentLog;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<DeliveryTally> = Promise.resolve({
    claimed: 0,
    sent: 0,
    retrying: 0,
    dead: 0,
    lost: 0,
  });

  const round = async (): Promise<DeliveryTally> => {
    if (o.beforeDeliver)
      try {
        await o.beforeDeliver(now());
      } catch (e) {
        log.error({ err: message(e) }, "worker: the job before delivery failed");
      }
    try {
      const tally = await deliverAllDue({ ...o, now, log }, () => stopping);
      if (tally.claimed > 0) log.info({ ...tally }, "worker: outbox round done");
      return tally;
    } catch (e) {
      log.error({ err: message(e) }, "worker: delivering the outbox failed; trying again next round");
      return { claimed: 0, sent: 0, retrying: 0, dead: 0, lost: 0 };
    }
  };
  /** One round after the previous one, never two at once. */
  const enqueue = () => {
    current = current.then(round, round);
    return current;
  };
  const loop = () => {
    if (stopping) return;
    void enqueue().finally(() => {
      if (!stopping) timer = setTimeout(loop, o.intervalMs ?? 5_000);
    });
  };
  loop();
  return {
    runOnce: enqueue,
    stop: async () => {
      stopping = true;
      clearTimeout(timer);
      await current.catch(() => undefined);
      o.onStopped?.();
    },
  };
}

/** The server's delivery secrets (src/config/load-config.ts), as the worker needs them. */
export interface DeliverySecrets {
  readonly webhookSecret: SecretValue | null;
  readonly smtpUrl: SecretValue | null;
}

/**
 * The worker as `guatu serve` and `guatu worker` run it: the webhook and SMTP transports of the
 * server's secrets, the real clock, the default options; `extra.beforeDeliver` runs first in each
 * round (the daily reminder tick).
 */
export function startBackgroundWorker(
  database: DatabaseHandle,
  secrets: DeliverySecrets,
  log: DeliveryLog,
  extra: Pick<WorkerOptions, "beforeDeliver" | "intervalMs"> = {},
): Worker {
  const email = emailChannel({ smtpUrl: secrets.smtpUrl });
  return startWorker({
    database,
    transports: { webhook: webhookTransport({ secret: secrets.webhookSecret }), email: email.send },
    log,
    ...extra,
    onStopped: email.close,
  });
}
