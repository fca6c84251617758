import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import type { Database } from "../db/connection.js";
import { registerErrorHandling } from "./plugins/errors.js";
import { authorize, ruleName } from "./policy.js";
import { resourceRoutes } from "./routes/resources.routes.js";
import { supervisionRoutes } from "./routes/supervision.routes.js";
import { systemRoutes } from "./routes/system.routes.js";
import { taskForceRoutes } from "./routes/task-forces.routes.js";

/** What the app is built from; tests pass an in-memory or per-test database. */
export interface AppOptions {
  readonly database: Database;
  readonly version: string;
  readonly logger?: FastifyServerOptions["logger"];
}

/** Request bodies larger than this are refused with 413 (a task book is far smaller). */
export const BODY_LIMIT = 1024 * 1024;

/**
 * Builds the Fastify app without listening (server.ts listens; tests use `app.inject()`).
 * Every `/api/` route must declare an access rule, or the app refuses to start.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: BODY_LIMIT, ajv: undefined });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  app.addHook("onRoute", (route) => {
    if (route.url.startsWith("/api/v1") && !route.config?.rule) {
      throw new Error(`route ${route.method} ${route.url} declares no access rule (src/http/policy.ts)`);
    }
  });
  app.addHook("onRequest", async (request, reply) => {
    const rule = request.routeOptions.config?.rule;
    if (!request.url.startsWith("/api/v1") || request.is404) return;
    if (!rule || !authorize(rule, null)) {
      return reply
        .status(403)
        .send({ error: { code: "FORBIDDEN", message: `not allowed: ${rule ? ruleName(rule) : "no rule"}` } });
    }
  });

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Guatu (挂图) API",
        version: options.version,
        description:
          "Task forces, battle map, backward scheduling, lights, supervision and assessment. Errors: docs/api.md.",
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });

  const deps = { database: options.database, version: options.version };
  await app.register(systemRoutes, deps);
  await app.register(resourceRoutes, deps);
  await app.register(taskForceRoutes, deps);
  await app.register(supervisionRoutes, deps);
  app.get("/", { schema: { hide: true } }, async (_req, reply) => reply.redirect("/api/docs"));
  return app;
}
