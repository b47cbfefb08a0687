#!/usr/bin/env node
// Runs the TypeScript CLI in place through tsx's loader: no build step, so the command
// works straight after `npm ci` (`npx party-ledger`, `npm exec party-ledger`, `node bin/party-ledger.mjs`).
import { register } from "tsx/esm/api";

register();
const { main } = await import(new URL("../cli/main.ts", import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
