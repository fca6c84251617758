/**
 * The webhook channel: POSTs the outbox payload, signed with HMAC-SHA256 under the server's secret
 * (GUATU_WEBHOOK_SECRET), so a receiver can tell it came from Guatu and was not changed.
 */
import { createHmac } from "node:crypto";
import { type Delivery, DeliveryError, type Transport } from "./delivery.js";

/** A secret held by the configuration: its value only on `reveal()`. */
export interface SecretValue {
  reveal(): string;
}

/** `sha256=<hex>`: the HMAC-SHA256 of the exact body bytes (UTF-8) under `secret`. */
export function webhookSignature(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

/** The headers of a webhook delivery (the signature, when and which delivery, the type). */
export function webhookHeaders(d: Delivery, secret: string): Record<string, string> {
  return {
    "content-type": "application/json; charset=utf-8",
    "user-agent": "Guatu-Webhook/1",
    "x-guatu-signature": webhookSignature(d.body, secret),
    // Unix seconds of this attempt; the delivery id stays the same across attempts.
    "x-guatu-timestamp": String(Math.floor(d.at.getTime() / 1000)),
    "x-guatu-delivery": d.id,
  };
}

/** Why fetch failed, in a few words (the cause's code: ECONNREFUSED, ENOTFOUND …); never the URL. */
function reachError(e: unknown, timeoutMs: number): DeliveryError {
  if (e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError"))
    return new DeliveryError(`no answer from the receiver within ${timeoutMs / 1000} s`);
  const cause = e instanceof Error && e.cause instanceof Error ? e.cause : null;
  const code = cause && "code" in cause ? String(cause.code) : (cause?.message ?? String(e));
  return new DeliveryError(`cannot reach the receiver: ${code}`);
}

/**
 * The webhook transport: 2xx is delivered; any other status, a redirect, a network error or no
 * answer within `timeoutMs` is a failed attempt. Without a secret every attempt fails, saying so.
 */
export function webhookTransport(o: {
  readonly secret: SecretValue | null;
  readonly timeoutMs?: number;
}): Transport {
  const timeoutMs = o.timeoutMs ?? 10_000;
  return async (d) => {
    if (!o.secret) throw new DeliveryError("GUATU_WEBHOOK_SECRET is not set");
    let res: Response;
    try {
      res = await fetch(d.target, {
        method: "POST",
        headers: webhookHeaders(d, o.secret.reveal()),
        body: d.body,
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      throw reachError(e, timeoutMs);
    }
    // Read the answer (frees the connection); a short piece of it explains a refusal.
    const text = await res.text().catch(() => "");
    if (res.status < 200 || res.status > 299)
      throw new DeliveryError(
        `the receiver answered HTTP ${res.status}${text ? `: ${text.slice(0, 200).replace(/\s+/g, " ")}` : ""}`,
      );
  };
}
