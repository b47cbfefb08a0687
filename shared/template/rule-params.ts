import { z } from "zod";
import { RULES } from "../rules/registry.js";

/**
 * The parameters a template may set on each rule it names, checked when the template is
 * read or published: a rule whose parameter is not a sensible number would otherwise turn
 * itself off without a word (`maxMembers: "x"` or `1e308`). Rules not listed take none.
 */
interface ParamSpec {
  schema: z.ZodType;
  /** What each parameter must be, said to the admin who wrote it. */
  zh: Record<string, string>;
  en: Record<string, string>;
}

const RULE_PARAMS: Record<string, ParamSpec> = {
  "branch.size": {
    schema: z.object({ maxMembers: z.number().int().min(1).max(10_000) }).strict(),
    zh: { maxMembers: "应为 1 到 10000 之间的整数" },
    en: { maxMembers: "must be a whole number from 1 to 10000" },
  },
};

const NO_PARAMS: ParamSpec = { schema: z.object({}).strict(), zh: {}, en: {} };

export interface RuleRefProblem {
  path: (string | number)[];
  message: string;
}

/** What is wrong with a template's reference to a rule (empty when nothing), messages in Chinese and English. */
export function ruleRefProblems(ref: { rule: string; params?: Record<string, unknown> }): RuleRefProblem[] {
  // An unknown rule is the engine's to refuse (CheckOptionError "unknown-rule"), with its own message.
  if (ref.params === undefined || !Object.hasOwn(RULES, ref.rule)) return [];
  const spec = RULE_PARAMS[ref.rule] ?? NO_PARAMS;
  const parsed = spec.schema.safeParse(ref.params);
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => {
    const key = i.path.map(String).join(".") || (i.code === "unrecognized_keys" ? i.keys.join("、") : "");
    return {
      path: ["params", ...i.path.map((p) => (typeof p === "symbol" ? String(p) : p))],
      message:
        i.code === "unrecognized_keys"
          ? `规则“${ref.rule}”没有参数“${key}” / rule "${ref.rule}" takes no parameter "${key}"`
          : `规则“${ref.rule}”的参数“${key}”${spec.zh[key] ?? "不合要求"} / rule "${ref.rule}" parameter "${key}" ${spec.en[key] ?? "is invalid"}`,
    };
  });
}
