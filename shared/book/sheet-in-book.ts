import type { Finding, SheetReport } from "../findings/types.js";
import type { SheetGrid } from "../grid/types.js";
import type { CheckOptions } from "../check/options.js";
import { crossCheckBook, prepareBook, runSlot, sortFindings } from "./check-book.js";
import { appendAll } from "../util/append-all.js";

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
): { report: SheetReport; findings: Finding[]; compared: ComparedLedger[]; blocks: SheetReport[] } {
  const rest = others.filter((o) => o.name !== sheet.name);
  const prepared = prepareBook([{ grid: { sheets: [...rest, sheet] } }], opts);
  // The shown sheet is the last part: one slot, or one per table where tables stand side by side.
  const own = prepared.slots.filter((s) => s.sheetIndex === rest.length);
  const runs = own.map((slot) => runSlot(slot, prepared, opts));
  const findings: Finding[] = [];
  for (const r of runs) appendAll(findings, r.findings);
  const blocks = runs.map((r) => r.report);
  // The pane shows one report: the first table checked (each block's report is in `blocks`).
  const report = blocks.find((b) => b.status === "checked") ?? blocks[0]!;
  const ledgers = new Set(own.flatMap((s) => (s.ledger ? [s.ledger] : [])));
  if (ledgers.size === 0) return { report, findings: sortFindings(findings), compared: [], blocks };
  const compared = prepared.ledgers.filter((l) => !ledgers.has(l)).map((l) => ({ sheet: l.name, kind: l.kind }));
  const cross = rest.length ? crossCheckBook(prepared, opts).filter((f) => f.sheet === sheet.name) : [];
  return { report, findings: [...sortFindings(findings), ...cross], compared, blocks };
}
