import type { Settings } from "../settings/store.js";

interface FunctionsApi {
  configure(source: { baseUrl: string | null; token?: string | null }): void;
}

/**
 * The custom functions (addin/functions, same shared runtime) fetch rule sets from the
 * Worker; they learn its address and token from the pane's settings through this global.
 */
export function shareSettingsWithFunctions(s: Settings): void {
  const api = (globalThis as { partyLedgerFunctions?: FunctionsApi }).partyLedgerFunctions;
  api?.configure({ baseUrl: s.workerUrl || null, token: s.token || null });
}
