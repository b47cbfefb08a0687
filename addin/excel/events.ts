import { parseRange } from "../../shared/grid/a1.js";
import type { SheetChange } from "../host/types.js";
import type { ExcelSupport } from "./requirements.js";

/** Turn a worksheet.onChanged event into the rows to re-check; null for the add-in's own edits. */
export function changedRows(
  event: Pick<Excel.WorksheetChangedEventArgs, "address" | "changeType"> & { triggerSource?: string },
  sheet: string,
  support: Pick<ExcelSupport, "triggerSource">,
): SheetChange | null {
  if (support.triggerSource && event.triggerSource === "ThisLocalAddin") return null;
  const structural = event.changeType !== "RangeEdited";
  const r = parseRange(event.address ?? "");
  if (!r || structural) return { sheet, rows: null };
  return { sheet, rows: { first: r.r0 + 1, last: r.r1 + 1 } };
}
