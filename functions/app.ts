import { OpenAPIHono } from "@hono/zod-openapi";
import { Hono } from "hono";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "./env.js";
import { authenticate } from "./middleware/auth.js";
import { corsFromEnv } from "./middleware/cors.js";
import { notFoundHandler, onError, validationHook } from "./middleware/errors.js";
import { auditRouter } from "./routes/audit.js";
import { collectionsRouter } from "./routes/collections.js";
import { orgsRouter } from "./routes/orgs.js";
import { rulesetsRouter } from "./routes/rulesets.js";
import { submissionsRouter } from "./routes/submissions.js";
import { templatesRouter } from "./routes/templates.js";
import { mappingsRouter } from "./routes/mappings.js";
import { branchesRouter } from "./routes/branches.js";
import { inspectRouter, seedRouter, sweepRouter } from "./seed.js";
import { WorkbookGrid } from "../shared/api/schemas.js";

/**
 * The API: requestId → secure headers → CORS → auth (for /v1 except the OpenAPI document)
 * → per-resource routers (zod validation inside) → one error shape.
 */
const v1 = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .route("/orgs", orgsRouter)
  .route("/rulesets", rulesetsRouter)
  .route("/templates", templatesRouter)
  .route("/mappings", mappingsRouter)
  .route("/collections", collectionsRouter)
  .route("/branches", branchesRouter)
  .route("/", submissionsRouter)
  .route("/audit", auditRouter);

// The grid of a submission is validated without a copy (lib/grid-check.ts) and documented by reference.
v1.openAPIRegistry.register("WorkbookGrid", WorkbookGrid);
v1.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
  type: "http",
  scheme: "bearer",
  description: "Per-organisation API token (plt_…) or a Microsoft Entra ID access token",
});

const root = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
root.use("*", requestId());
root.use("*", async (c, next) => {
  await next();
  c.header("X-Request-Id", c.get("requestId"));
});
root.use("*", secureHeaders({ crossOriginResourcePolicy: "cross-origin" }));
root.use("*", corsFromEnv());
root.get("/", (c) => c.json({ name: "party-ledger", api: "/v1", openapi: "/v1/openapi.json" }));
root.doc31("/v1/openapi.json", {
  openapi: "3.1.0",
  info: { title: "党建台账助手 API / party-ledger", version: "1.0.0", description: "规则集、模板版本与标准化报送 / rule sets, versioned templates and standardized submissions" },
  servers: [{ url: "/" }],
});
root.route("/v1/_seed", seedRouter);
root.route("/v1/_sweep", sweepRouter);
root.route("/v1/_inspect", inspectRouter);
root.use("/v1/*", authenticate());
export const routes = root.route("/v1", v1);

// The document is generated from the combined registry.
root.notFound(notFoundHandler);
root.onError(onError);

export type AppType = typeof routes;
export const app = root;

/** A bare Hono route on the same runtime, the baseline of `npm run load`. */
export const bare = new Hono().get("/bare", (c) => c.json({ ok: true }));
