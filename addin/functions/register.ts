import * as dj from "./functions.js";
import { configureRuleSetSource, sharedRuleSets } from "./runtime.js";

/**
 * Bundle entry for the shared runtime: tells Excel which implementation each functions.json
 * id belongs to. The build fails when this table and the generated metadata disagree.
 */
export const DJ_FUNCTIONS = {
  DUES: dj.dues,
  DUESRATE: dj.duesrate,
  IDCHECK: dj.idcheck,
  IDINFO: dj.idinfo,
  AGE: dj.age,
  PROBATIONEND: dj.probationend,
  APPRAISAL: dj.appraisal,
  GRADE: dj.grade,
  SCORE: dj.score,
  DEDUCT: dj.deduct,
  MISSING: dj.missing,
  MEETINGS: dj.meetings,
  RULESET: dj.ruleset,
} as const;

/** The task pane (same runtime) sets the Worker origin and token through this global. */
export interface PartyLedgerFunctionsApi {
  configure: typeof configureRuleSetSource;
  cachedRuleSets: () => string[];
}

export function registerDjFunctions(): void {
  const api: PartyLedgerFunctionsApi = { configure: configureRuleSetSource, cachedRuleSets: () => sharedRuleSets.cache.refs() };
  (globalThis as { partyLedgerFunctions?: PartyLedgerFunctionsApi }).partyLedgerFunctions = api;
  const cf = (globalThis as { CustomFunctions?: typeof CustomFunctions }).CustomFunctions;
  if (!cf) return; // loaded outside Excel (a browser preview): nothing to register
  for (const [id, fn] of Object.entries(DJ_FUNCTIONS)) cf.associate(id, fn as (...args: unknown[]) => unknown);
}
