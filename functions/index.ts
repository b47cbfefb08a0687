import { app, bare } from "./app.js";
import type { Bindings } from "./env.js";

export type { AppType } from "./app.js";

export default {
  fetch(req, env, ctx) {
    if (new URL(req.url).pathname === "/bare") return bare.fetch(req, env, ctx);
    return app.fetch(req, env, ctx);
  },
} satisfies ExportedHandler<Bindings>;
