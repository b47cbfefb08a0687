import { RuleSetCache } from "../../shared/ruleset/cache.js";
import { RuleSetLoader, type RuleSetSource } from "../../shared/ruleset/loader.js";
import { localToday } from "./args.js";
import type { DjContext } from "./context.js";
import { hostErrorFactory } from "./errors.js";

/**
 * The one context the =DJ.* functions share in a runtime: one rule-set cache (the task
 * pane shares it too in the shared runtime), the host's error type, and today's date.
 */
export const sharedRuleSets = new RuleSetLoader(new RuleSetCache());

let current: DjContext | null = null;

/** Built on first use, so CustomFunctions is looked up after Office has defined it. */
export function djContext(): DjContext {
  current ??= { fail: hostErrorFactory(), ruleSets: sharedRuleSets, today: localToday };
  return current;
}

/** Replace the context (tests inject a fake fetch, a fixed today or their own error factory). */
export function setDjContext(ctx: DjContext | null): void {
  current = ctx;
}

/** Where organisations' rule sets come from: the Worker's origin and the user's token. */
export function configureRuleSetSource(source: Partial<RuleSetSource>): void {
  sharedRuleSets.configure(source);
}
