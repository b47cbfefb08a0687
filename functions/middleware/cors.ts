import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import type { AppEnv } from "../env.js";

/** The pane on this machine (README: `npm run dev:addin`, `build:addin:preview`), any port, http or https. */
const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

/**
 * CORS for the add-in: only the exact origins in ALLOWED_ORIGINS (plus, in local development,
 * the pane served on this machine), an explicit header list (hono/cors would otherwise reflect
 * any requested header) and the headers the client reads.
 */
export const corsFromEnv = (): MiddlewareHandler<AppEnv> => {
  let cachedFor: string | undefined;
  let handler: MiddlewareHandler | undefined;
  return async function corsFromEnv(c, next) {
    const localDev = c.env.LOCAL_DEV === "1";
    const list = `${c.env.ALLOWED_ORIGINS ?? ""}|${localDev}`;
    if (!handler || cachedFor !== list) {
      const allowed = new Set(
        (c.env.ALLOWED_ORIGINS ?? "")
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      );
      cachedFor = list;
      handler = cors({
        origin: (origin) => (allowed.has(origin) || (localDev && LOCAL_ORIGIN.test(origin)) ? origin : null),
        allowHeaders: ["Authorization", "Content-Type", "Idempotency-Key", "If-None-Match", "Accept-Language", "X-Org-Id"],
        allowMethods: ["GET", "POST", "DELETE", "OPTIONS"],
        exposeHeaders: ["ETag", "Location", "Idempotent-Replayed", "X-Request-Id"],
        maxAge: 600,
      });
    }
    return handler(c, next);
  };
};
