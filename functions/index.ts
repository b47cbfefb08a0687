import { app, bare } from "./app.js";
import type { Bindings } from "./env.js";
import { scheduledSweep } from "./lib/sweep.js";

export type { AppType } from "./app.js";
export { TenantLedger } from "./ledger/object.js";

export default {
  fetch(req, env, ctx) {
    if (new URL(req.url).pathname === "/bare") return bare.fetch(req, env, ctx);
    return app.fetch(req, env, ctx);
  },
  /** Cron (wrangler.toml `[triggers]`): one bounded step of the orphan-blob sweep. */
  async scheduled(_controller, env) {
    await scheduledSweep(env);
  },
} satisfies ExportedHandler<Bindings>;
