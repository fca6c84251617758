import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyInstance } from "fastify";
import helmet, { type HelmetOptions } from "helmet";

/**
 * The headers helmet sets for `options`, computed once: with static directives they are the same
 * on every response, and building helmet's middleware per request (as `@fastify/helmet` does)
 * cost about a tenth of a cached API read.
 */
export function securityHeaders(options: HelmetOptions): Readonly<Record<string, string>> {
  const csp = options.contentSecurityPolicy;
  const directives = typeof csp === "object" && csp.directives ? Object.entries(csp.directives) : [];
  for (const [name, value] of directives) {
    if ([value].flat().some((v) => typeof v === "function"))
      throw new Error(`CSP directive ${name} depends on the request; security headers must be static`);
  }
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let finished = false;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
    finished = true;
  });
  if (!finished) throw new Error("helmet did not finish synchronously: options must be static");
  return headers;
}

/** The headers of a response over HTTPS and over plain HTTP (see {@link registerSecurityHeaders}). */
export interface HeaderSets {
  readonly secure: Readonly<Record<string, string>>;
  readonly plain: Readonly<Record<string, string>>;
}

/** Both header sets for a CSP's `directives`, computed once. */
export function headerSets(directives: Readonly<Record<string, readonly string[]>>): HeaderSets {
  return {
    secure: securityHeaders({ contentSecurityPolicy: { directives } }),
    plain: securityHeaders({
      contentSecurityPolicy: { directives: { ...directives, upgradeInsecureRequests: null } },
      strictTransportSecurity: false,
    }),
  };
}

/**
 * Sets helmet's headers (CSP, nosniff, frame and referrer rules …) on every response. HSTS and the
 * CSP's `upgrade-insecure-requests` only over HTTPS (the request's protocol, `X-Forwarded-Proto`
 * behind a trusted proxy): over plain HTTP on an intranet host they would send the browser to an
 * https that does not exist, and the page would stay blank.
 */
export function registerSecurityHeaders(app: FastifyInstance, sets: HeaderSets): void {
  const { secure, plain } = sets;
  app.addHook("onRequest", (request, reply, done) => {
    reply.headers(request.protocol === "https" ? secure : plain);
    done();
  });
}
