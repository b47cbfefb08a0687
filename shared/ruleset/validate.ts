import type { z } from "zod";
import { RuleSet } from "./schema.js";

export type RuleSetParse = { ok: true; ruleSet: RuleSet } | { ok: false; message: string; issues: string[] };

/** Validate unknown JSON as a rule set, with one readable line per problem (path: message). */
export function parseRuleSet(json: unknown): RuleSetParse {
  const result = RuleSet.safeParse(json);
  if (result.success) return { ok: true, ruleSet: result.data };
  const issues = describeIssues(result.error);
  return { ok: false, message: `规则集无效 / invalid rule set: ${issues.slice(0, 3).join("; ")}${issues.length > 3 ? ` (+${issues.length - 3})` : ""}`, issues };
}

export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join(".") : "(root)"}: ${issue.message}`);
}
