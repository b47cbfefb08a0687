import type { CheckOptions } from "../check/options.js";
import type { Lang } from "../findings/types.js";
import type { RuleSet } from "../ruleset/schema.js";
import type { TemplateParsed } from "../template/schema.js";
import type { MappingInput } from "../template/mapping.js";

/**
 * The engine options a collection's submissions are checked with: its pinned template and rule
 * set, on its as-of day. The Worker stores this verdict; the pane checks a sheet for a collection
 * with the very same options, so the clerk sees what the department will see. The mappings saved
 * by the collection's department and its ancestors apply to both (GET /v1/mappings?org=…).
 */
export function collectionCheckOptions(i: { template: TemplateParsed; ruleSet: RuleSet; asOf: string; lang: Lang; fileName?: string; mappings?: MappingInput[] }): CheckOptions {
  return {
    templates: [i.template],
    ruleSet: i.ruleSet,
    asOf: i.asOf,
    lang: i.lang,
    ...(i.fileName ? { fileName: i.fileName } : {}),
    // The mappings the collection's department (and those above it) saved: its branches' own headers.
    ...(i.mappings?.length ? { mapping: i.mappings } : {}),
    // A 报送任务 asks for one ledger: a sheet that does not fit its template is not checked (never clean).
    template: { id: i.template.id, version: i.template.version, fit: "required" },
  };
}
