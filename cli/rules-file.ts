import { readFile } from "node:fs/promises";
import type { Lang } from "../shared/findings/types.js";
import type { RuleSet } from "../shared/ruleset/schema.js";
import { parseRuleSet } from "../shared/ruleset/validate.js";
import { cliText } from "./messages.js";
import { UsageError } from "./options.js";

/** Reads a whole rule set from a JSON file and validates it like every other host does. */
export async function loadRulesFile(file: string, lang: Lang): Promise<RuleSet> {
  const t = cliText(lang);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch (err) {
    throw new UsageError(t.badRules(file, err instanceof Error ? err.message : String(err)));
  }
  const parsed = parseRuleSet(json);
  if (!parsed.ok) throw new UsageError(t.badRules(file, parsed.issues.slice(0, 3).join("; ")));
  return parsed.ruleSet;
}
