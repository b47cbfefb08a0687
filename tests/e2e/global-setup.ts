import { build } from "vite";

/** Build the pane once (dist/addin) before the browser tests. */
export default async function setup(): Promise<void> {
  if (process.env.E2E_SKIP_BUILD === "1") return;
  await build({ configFile: new URL("../../addin/vite.config.ts", import.meta.url).pathname, logLevel: "warn" });
}
