import type { DayNumber } from "../../shared/calendar/days.js";
import { RuleSetError, type RuleSetLoader } from "../../shared/ruleset/loader.js";
import type { RuleSet } from "../../shared/ruleset/schema.js";
import type { ErrorFactory } from "./errors.js";

/** What every =DJ.* implementation needs, injected so Node tests run without Office. */
export interface DjContext {
  fail: ErrorFactory;
  ruleSets: RuleSetLoader;
  today: () => DayNumber;
}

/**
 * Run `compute` with the named rule set: synchronously when it is cached (the common case,
 * and always for the built-in default), else once the single shared fetch settles.
 * Unknown names become #VALUE! with a message, an unreachable service #N/A; never a number.
 */
export function withRuleSet<T>(ctx: DjContext, name: unknown, compute: (rs: RuleSet) => T): T | Promise<T> {
  if (name !== null && name !== undefined && typeof name !== "string") {
    throw ctx.fail("invalidValue", `规则集名称应为文本，收到「${String(name)}」 / rule set name must be text`);
  }
  const resolution = ctx.ruleSets.resolve(name);
  if (resolution.kind === "ready") return compute(resolution.ruleSet);
  if (resolution.kind === "failed") throw toExcelError(ctx, resolution.error);
  return resolution.promise.then(compute, (error: unknown) => {
    throw toExcelError(ctx, error);
  });
}

function toExcelError(ctx: DjContext, error: unknown): Error {
  if (error instanceof RuleSetError) return ctx.fail(error.problem === "unavailable" ? "notAvailable" : "invalidValue", error.message);
  return ctx.fail("notAvailable", `规则集加载失败 / rule set failed to load: ${String(error)}`);
}
