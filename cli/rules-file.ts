import { readFile } from "node:fs/promises";
import type { Lang } from "../shared/findings/types.js";
import type { RuleSet } from "../shared/ruleset/schema.js";
import { parseRuleSet } from "../shared/ruleset/validate.js";
import { cliText } from "./messages.js";
import { UsageError } from "./options.js";
import { ColumnMapping, MappingDoc, type MappingInput } from "../shared/template/mapping.js";

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

/**
 * A mapping from a JSON file: a saved mapping document (as `GET /v1/mappings/{id}` answers it, or
 * its `mapping`), or a bare { template, columns, values }; a list of them is applied in order.
 */
export async function loadMappingFile(file: string, lang: Lang): Promise<MappingInput[]> {
  const t = cliText(lang);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch (err) {
    throw new UsageError(t.badMapping(file, err instanceof Error ? err.message : String(err)));
  }
  const items = Array.isArray(json) ? json : [json];
  return items.map((item) => {
    const body = item && typeof item === "object" && "mapping" in item ? (item as { mapping: unknown }).mapping : item;
    const doc = MappingDoc.safeParse(body);
    if (doc.success) return { template: doc.data.template, columns: doc.data.columns, values: doc.data.values, ...(doc.data.version ? { saved: { id: doc.data.id, version: doc.data.version } } : {}) };
    const bare = ColumnMapping.safeParse(body);
    if (!bare.success) throw new UsageError(t.badMapping(file, bare.error.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")));
    return bare.data;
  });
}
