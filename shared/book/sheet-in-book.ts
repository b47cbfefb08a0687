import type { Finding, SheetReport } from "../findings/types.js";
import type { SheetGrid } from "../grid/types.js";
import { runSheet } from "../check/check-sheet.js";
import type { CheckOptions } from "../check/options.js";
import { crossCheckBook, prepareBook, sortFindings } from "./check-book.js";

/** Another ledger of the book a sheet was checked against. */
export interface ComparedLedger {
  sheet: string;
  kind: string;
}

/**
 * One sheet checked as a page of its workbook's book (the task pane shows one sheet at a time):
 * the other sheets are read as ledgers but not checked themselves, and of the book's own
 * findings only those placed on this sheet are kept. `compared` names the ledgers it was held
 * against, so a host can say what the cross-ledger checks covered.
 */
export function checkSheetInBook(
  sheet: SheetGrid,
  others: SheetGrid[],
  opts: CheckOptions = {},
): { report: SheetReport; findings: Finding[]; compared: ComparedLedger[] } {
  const prepared = prepareBook([{ grid: { sheets: [...others.filter((o) => o.name !== sheet.name), sheet] } }], opts);
  const slot = prepared.slots[prepared.slots.length - 1]!;
  let report = slot.report!;
  let findings = slot.findings ?? [];
  if (slot.prepared) {
    const r = runSheet(slot.prepared, opts, slot.book ?? prepared.book);
    report = r.report;
    findings = r.findings;
  }
  if (!slot.ledger) return { report, findings: sortFindings(findings), compared: [] };
  const compared = prepared.ledgers.filter((l) => l !== slot.ledger).map((l) => ({ sheet: l.name, kind: l.kind }));
  const cross = crossCheckBook(prepared, opts).filter((f) => f.sheet === sheet.name);
  return { report, findings: [...sortFindings(findings), ...cross], compared };
}
