import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** One webhook request as a receiver saw it. */
export interface ReceivedWebhook {
  readonly delivery: string;
  readonly signature: string;
  readonly timestamp: string;
  readonly contentType: string;
  readonly body: string;
  /** Whether the signature is the HMAC-SHA256 of the raw body under the receiver's secret. */
  readonly verified: boolean;
  /** The status the receiver answered. */
  readonly status: number;
}

/** A local webhook receiver (node:http on 127.0.0.1, a free port). */
export interface WebhookReceiver {
  readonly url: string;
  /** Every request, in arrival order (unless `keep` was false). */
  readonly requests: ReceivedWebhook[];
  /** Delivery id → how many times it was accepted (answered 2xx). */
  readonly accepted: Map<string, number>;
  /** How the next requests are answered: a status for each (the default accepts with 204). */
  respond: (r: Omit<ReceivedWebhook, "status">) => number | Promise<number>;
  close(): Promise<void>;
}

/** Whether `signature` is `sha256=<hex HMAC of body>` under `secret`, compared in constant time. */
export function verifySignature(body: Buffer, signature: string, secret: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(body).digest("hex")}`);
  const got = Buffer.from(signature);
  return got.length === expected.length && timingSafeEqual(got, expected);
}

const header = (req: IncomingMessage, name: string) => String(req.headers[name] ?? "");

/** Starts a receiver that verifies signatures with `secret` and remembers what came. */
export async function startWebhookReceiver(secret: string, keep = true): Promise<WebhookReceiver> {
  const requests: ReceivedWebhook[] = [];
  const accepted = new Map<string, number>();
  const receiver: Omit<WebhookReceiver, "url" | "close"> = { requests, accepted, respond: () => 204 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const raw = Buffer.concat(chunks);
      const seen = {
        delivery: header(req, "x-guatu-delivery"),
        signature: header(req, "x-guatu-signature"),
        timestamp: header(req, "x-guatu-timestamp"),
        contentType: header(req, "content-type"),
        body: raw.toString("utf8"),
        verified: verifySignature(raw, header(req, "x-guatu-signature"), secret),
      };
      const status = await receiver.respond(seen);
      if (status >= 200 && status < 300) accepted.set(seen.delivery, (accepted.get(seen.delivery) ?? 0) + 1);
      if (keep) requests.push({ ...seen, status });
      res.statusCode = status;
      res.end(status >= 300 ? "receiver says no" : "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/hooks/guatu`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
