/**
 * The e-mail channel: a message worded in Simplified Chinese (src/shared/message-words.ts), sent
 * over SMTP with nodemailer (which encodes the UTF-8 subject and body), from the organisation's
 * address to the person's.
 */
import { createTransport } from "nodemailer";
import { type Lang, messageWords } from "../../shared/message-words.js";
import { DeliveryError, type Transport } from "./delivery.js";
import type { SecretValue } from "./webhook.js";

/** An SMTP transport and how to close its pooled connections. */
export interface EmailChannel {
  readonly send: Transport;
  close(): void;
}

/** The user and password of an SMTP URL, to keep them out of error texts. */
function credentialsOf(url: string): string[] {
  try {
    const u = new URL(url);
    return [u.password, decodeURIComponent(u.password), u.username, decodeURIComponent(u.username)].filter(
      (s) => s.length >= 3,
    );
  } catch {
    return [];
  }
}

/** An SMTP failure in a line, without the login (servers and libraries may echo it). */
function mailError(e: unknown, secrets: readonly string[]): DeliveryError {
  let text = e instanceof Error ? e.message : String(e);
  for (const s of secrets) text = text.split(s).join("***");
  return new DeliveryError(`the mail server refused or failed: ${text.replace(/\s+/g, " ").slice(0, 300)}`);
}

/** The domain of an address, for the Message-ID (`<outbox id@domain>`, stable across attempts). */
const domainOf = (address: string) =>
  address
    .split("@")
    .pop()
    ?.replace(/[<>\s]/g, "") || "guatu.invalid";

/**
 * The e-mail transport over the SMTP server of GUATU_SMTP_URL (pooled connections, opened when the
 * first mail goes). Without the URL, or without the organisation's From address, every attempt
 * fails saying which is missing.
 */
export function emailChannel(o: {
  readonly smtpUrl: SecretValue | null;
  readonly lang?: Lang;
}): EmailChannel {
  let mailer: ReturnType<typeof createTransport> | null = null;
  const lang = o.lang ?? "zh";
  const send: Transport = async (d) => {
    if (!o.smtpUrl) throw new DeliveryError("GUATU_SMTP_URL is not set");
    if (!d.sender) throw new DeliveryError("settings notifications.email.from is not set");
    const url = o.smtpUrl.reveal();
    mailer ??= createTransport({
      pool: true,
      url,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    const words = messageWords(d.payload, lang);
    try {
      await mailer.sendMail({
        from: d.sender,
        to: d.target,
        subject: words.subject,
        text: words.body,
        messageId: `<${d.id}@${domainOf(d.sender)}>`,
        headers: { "X-Guatu-Delivery": d.id },
      });
    } catch (e) {
      throw mailError(e, credentialsOf(url));
    }
  };
  return {
    send,
    close: () => {
      mailer?.close();
      mailer = null;
    },
  };
}
