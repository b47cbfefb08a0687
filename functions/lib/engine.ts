/**
 * The one place the Worker calls the engine. Same code as the add-in and the CLI, so a
 * submission's stored findings are exactly what `checkWorkbook` says about its grid.
 */
import { bookDelta, checkWorkbook, CheckOptionError, type BookDelta, type BookPart, type CheckOptions } from "../../shared/index.js";
import type { WorkbookGrid } from "../../shared/grid/types.js";
import type { CheckReport } from "../../shared/findings/types.js";
import type { RuleSet } from "../../shared/ruleset/schema.js";
import type { TemplateParsed } from "../../shared/template/schema.js";
import type { MappingInput } from "../../shared/template/mapping.js";
import { ApiError } from "./errors.js";
import { collectionCheckOptions } from "../../shared/api/collection-check.js";
import { UnsafePatternError } from "../../shared/template/safe-pattern.js";

export interface EngineInput {
  grid: WorkbookGrid;
  template: TemplateParsed;
  ruleSet: RuleSet;
  asOf: string;
  fileName?: string;
  /** The mappings saved by the collection's department and its ancestors. */
  mappings?: MappingInput[];
}

/** The options a host passes to reproduce the Worker's verdict on a grid (the pane uses the same function). */
export const engineOptions = (i: EngineInput) => collectionCheckOptions({ ...i, lang: "zh" });

export function runCheck(input: EngineInput): CheckReport {
  return engineCall(() => checkWorkbook(input.grid, engineOptions(input)));
}

/** A branch's submissions checked as one book (each with its collection's options) against each alone. */
export function runBookDelta(parts: BookPart[], opts: CheckOptions): BookDelta {
  return engineCall(() => bookDelta(parts, opts));
}

function engineCall<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof CheckOptionError) throw new ApiError(422, `check_${e.code}`, e.messageZh, e.messageEn);
    // A template stored before its patterns were checked: say which pattern, never a 500.
    if (e instanceof UnsafePatternError) throw new ApiError(422, "template_unusable", `报送任务的模板无法使用：${e.problem.zh}`, `The collection's template cannot be used: ${e.problem.en}`);
    throw e;
  }
}

export function countFindings(report: CheckReport) {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of report.findings) {
    if (f.severity === "error") errors++;
    else if (f.severity === "warning") warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}
