import type { Lang } from "../findings/types.js";
import type { RuleSet } from "../ruleset/schema.js";
import type { TemplateParsed } from "../template/schema.js";
import type { MappingInput } from "../template/mapping.js";

export interface CheckOptions {
  /** Templates to recognise sheets by; the built-in ones when absent. */
  templates?: TemplateParsed[];
  /** The rule set in force; the built-in default when absent. */
  ruleSet?: RuleSet;
  /** The day the ledger is judged on, YYYY-MM-DD; today when absent. */
  asOf?: string;
  lang?: Lang;
  /** The file's name ("主题党日活动录入样表.xlsx"): evidence for the ledger kind and a register's meeting type. */
  fileName?: string;
  /**
   * Check every sheet against this template instead of recognising it. By default a sheet is
   * checked with whatever of the template its headers show (the clerk chose it in the pane's
   * picker); with `fit: "required"` only a sheet that fits the template as recognition would
   * have it is checked, and any other is unrecognised (a 报送任务 asks for one ledger).
   */
  template?: { id: string; version?: number; fit?: "any" | "required" };
  /**
   * Mappings a person confirmed (shared/template/mapping.ts): headers of their form → template
   * fields (or null: leave the column out), and their spellings of values → the field's allowed
   * values. Applied to recognition and records alike; findings still cite the sheet's own text.
   * Several (an organisation's saved ones, then the clerk's): later ones win.
   */
  mapping?: MappingInput | MappingInput[];
}
