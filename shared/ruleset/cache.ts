import { DEFAULT_RULE_SET } from "./default.js";
import { formatRuleSetRef, type RuleSetRef } from "./ref.js";
import type { RuleSet } from "./schema.js";

/**
 * Rule sets this runtime holds, by id@version. Published versions are immutable, so an
 * entry never goes stale; only "latest" (a name without @version) moves when a newer
 * version arrives. The built-in default is always present, so offline use works.
 */
export class RuleSetCache {
  private readonly byRef = new Map<string, RuleSet>();
  private readonly latestById = new Map<string, RuleSet>();
  /** Bumped on every put, so name → rule set memos elsewhere know when to forget. */
  generation = 0;

  constructor(seed: readonly RuleSet[] = [DEFAULT_RULE_SET]) {
    for (const rs of seed) this.put(rs);
  }

  put(ruleSet: RuleSet): void {
    this.generation += 1;
    this.byRef.set(`${ruleSet.id}@${ruleSet.version}`, ruleSet);
    const latest = this.latestById.get(ruleSet.id);
    if (!latest || latest.version < ruleSet.version) this.latestById.set(ruleSet.id, ruleSet);
  }

  get(ref: RuleSetRef): RuleSet | undefined {
    return ref.version === null ? this.latestById.get(ref.id) : this.byRef.get(formatRuleSetRef(ref));
  }

  /** Every cached id@version, e.g. for the task pane's "rule sets in use" list. */
  refs(): string[] {
    return [...this.byRef.keys()].sort();
  }
}
