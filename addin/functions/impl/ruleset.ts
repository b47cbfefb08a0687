import type { DjContext } from "../context.js";
import { withRuleSet } from "../context.js";

/** =DJ.RULESET: which rule set (id@version) a name resolves to, so a sheet can show what it used. */
export function ruleSetInUse(ctx: DjContext, ruleSet: unknown): string | Promise<string> {
  return withRuleSet(ctx, ruleSet, (rs) => `${rs.id}@${rs.version}`);
}
