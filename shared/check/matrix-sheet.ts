import { transposeGrid } from "../grid/transpose.js";
import type { SheetGrid } from "../grid/types.js";
import { monthsDownFirstColumns, unfoldMeetingMatrix, type UnfoldedMatrix } from "../detect/meeting-matrix.js";
import { DEFAULT_RULE_SET } from "../ruleset/default.js";
import { BUILTIN_TEMPLATES } from "../template/builtin/index.js";
import { prepareSheet, type PreparedSheet } from "./check-sheet.js";
import type { CheckOptions } from "./options.js";

/**
 * A sheet no ledger fits read as a 三会一课 matrix (types down, months across; or months down, read
 * transposed): unfolded into one row per meeting and read as the meetings register. Its report is
 * a recognised register's, not one a clerk forced; null when the sheet is no such matrix.
 */
export function prepareMeetingMatrix(sheet: SheetGrid, opts: CheckOptions): { prepared: PreparedSheet; matrix: UnfoldedMatrix; transposed: boolean } | null {
  if (opts.template) return null;
  const register = (opts.templates ?? BUILTIN_TEMPLATES).find((t) => t.kind === "meetings");
  if (!register) return null;
  const rules = (opts.ruleSet ?? DEFAULT_RULE_SET).meetings;
  let transposed = false;
  let matrix = unfoldMeetingMatrix(sheet, rules);
  if (!matrix && monthsDownFirstColumns(sheet)) {
    matrix = unfoldMeetingMatrix(transposeGrid(sheet), rules);
    transposed = matrix !== null;
  }
  if (!matrix) return null;
  const p = prepareSheet(matrix.grid, { ...opts, template: { id: register.id, version: register.version } });
  if (p.done || !p.sheet.layout.columns.some((c) => register.fields[c.fieldIndex]?.name === "date")) return null;
  return { prepared: { ...p.sheet, forced: false, listedMeetingTypes: matrix.types }, matrix, transposed };
}
