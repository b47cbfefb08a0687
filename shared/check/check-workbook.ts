import type { WorkbookGrid } from "../grid/types.js";
import type { CheckReport } from "../findings/types.js";
import { checkBook } from "../book/check-book.js";
import type { CheckOptions } from "./options.js";

/**
 * Every sheet of a workbook, each as itself and — when the workbook holds several ledgers of
 * one branch (a roster, its dues ledger, its meetings register …) — against each other, as
 * one book. Findings in sheet order, then by row, sheet-level ones last in each sheet; the
 * book's own findings after them.
 */
export function checkWorkbook(wb: WorkbookGrid, opts: CheckOptions = {}): CheckReport {
  return checkBook([{ grid: wb }], opts);
}
