import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import type { AppEnv } from "../env.js";

/**
 * CORS for the add-in: only the exact origins in ALLOWED_ORIGINS, an explicit header list
 * (hono/cors would otherwise reflect any requested header) and the headers the client reads.
 */
export const corsFromEnv = (): MiddlewareHandler<AppEnv> => {
  let cachedFor: string | undefined;
  let handler: MiddlewareHandler | undefined;
  return async function corsFromEnv(c, next) {
    const list = c.env.ALLOWED_ORIGINS ?? "";
    if (!handler || cachedFor !== list) {
      const allowed = new Set(
        list
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      );
      cachedFor = list;
      handler = cors({
        origin: (origin) => (allowed.has(origin) ? origin : null),
        allowHeaders: ["Authorization", "Content-Type", "Idempotency-Key", "If-None-Match", "Accept-Language", "X-Org-Id"],
        allowMethods: ["GET", "POST", "DELETE", "OPTIONS"],
        exposeHeaders: ["ETag", "Location", "Idempotent-Replayed", "X-Request-Id"],
        maxAge: 600,
      });
    }
    return handler(c, next);
  };
};
