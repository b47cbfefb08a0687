#!/usr/bin/env node
// No build step: the command works straight after `npm ci` (`npx party-ledger`,
// `npm exec party-ledger`, `node bin/party-ledger.mjs`). It runs the bundle that
// cli-bundle.mjs keeps in step with the sources, building it when missing or stale, and
// falls back to running the TypeScript through tsx if it cannot build (e.g. no esbuild).
import { pathToFileURL } from "node:url";
import { buildBundle, findBundle } from "./cli-bundle.mjs";

async function loadMain() {
  let entry = findBundle();
  if (!entry) entry = await buildBundle().catch(() => null);
  if (entry) return import(pathToFileURL(entry).href);
  const { register } = await import("tsx/esm/api");
  register();
  return import(new URL("../cli/main.ts", import.meta.url).href);
}

const { main } = await loadMain();
process.exitCode = await main(process.argv.slice(2));
