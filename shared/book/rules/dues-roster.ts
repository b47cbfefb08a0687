import { monthIndex, monthIndexToPeriod } from "../../calendar/periods.js";
import { a1 } from "../../grid/a1.js";
import { titleYear } from "../../records/title-year.js";
import { toYmd } from "../../calendar/days.js";
import { BookFindings, relatedOf } from "../emit.js";
import { personKeys, type BookLedger } from "../ledger.js";
import type { RosterIndex } from "../roster-index.js";

/**
 * The dues ledgers against the roster (§6.3 #10): every member on the roster has dues
 * entries; every name in a dues ledger is on the roster; no dues are entered for months after
 * the roster says a member transferred out.
 */
export function checkDuesAgainstRoster(dues: BookLedger[], roster: RosterIndex, asOf: number, out: BookFindings): void {
  if (dues.length === 0 || roster.rosters.length === 0) return;
  const seen = new Set<(typeof roster.people)[number]>();
  for (const ledger of dues) {
    const year = titleYear(ledger.sheet.view, ledger.sheet.layout.headerRow) ?? toYmd(asOf).y;
    for (const rec of ledger.records) {
      const keys = personKeys(ledger, rec);
      if (keys.id === null && keys.name === null) continue;
      const p = roster.find(keys);
      if (!p) {
        out.at(ledger, rec, ledger.has("name") ? "name" : "idNumber", "book.notOnRoster", "warning", { name: keys.name ?? keys.id ?? "" }, relatedOf(roster.rosters[0]!, null, null));
        continue;
      }
      seen.add(p);
      if (!p.transferOut) continue;
      const last = monthIndex(p.transferOut.day);
      const columns = ledger.sheet.set.repeatColumns;
      for (let i = 0; i < columns.length; i++) {
        const c = columns[i]!;
        const month = (c.year ?? year) * 12 + c.period - 1;
        const v = rec.repeat[i];
        if (month > last && typeof v === "number" && v > 0) {
          out.atCell(ledger, a1(rec.row, c.col), rec.row + 1, "months", "book.duesAfterTransferOut", "warning", { month: monthIndexToPeriod(month), date: monthIndexToPeriod(last) }, relatedOf(p.ledger, p.rec, "transferOut"));
          break;
        }
      }
    }
  }
  for (const p of roster.people) {
    if (seen.has(p) || !roster.isMemberOn(p, asOf) || p.joinDate === null || p.joinDate.day > asOf) continue;
    out.at(p.ledger, p.rec, "name", "book.noDuesRow", "warning", { name: p.name ?? p.id ?? "" }, relatedOf(dues[0]!, null, null));
  }
}
