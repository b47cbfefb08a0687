import { monthIndex, monthIndexToPeriod } from "../../calendar/periods.js";
import { a1 } from "../../grid/a1.js";
import { titleYear } from "../../records/title-year.js";
import { toYmd } from "../../calendar/days.js";
import { BookFindings, relatedOf } from "../emit.js";
import { personKeys, type BookLedger } from "../ledger.js";
import type { RosterIndex, RosterPerson } from "../roster-index.js";
import { nearNameOnRoster } from "../near-name.js";

/**
 * The dues ledgers against the roster (§6.3 #10; 2008规定第八、九条): every member on the roster
 * has dues entries; every name in a dues ledger is on the roster (the branch that holds a member's
 * 组织关系 collects the dues); no dues are entered for months after the roster says a member
 * transferred out, died or left the Party. A payer whose note says they pay here as a 流动党员 (第九条)
 * is not expected on the roster; one whose name differs from a roster member's by one character is
 * likely that member typed another way, a warning rather than an error.
 */
export function checkDuesAgainstRoster(dues: BookLedger[], roster: RosterIndex, asOf: number, out: BookFindings): void {
  if (dues.length === 0 || roster.rosters.length === 0) return;
  const seen = new Set<RosterPerson>();
  for (const ledger of dues) {
    const year = titleYear(ledger.sheet.view, ledger.sheet.layout.headerRow) ?? toYmd(asOf).y;
    for (const rec of ledger.records) {
      const keys = personKeys(ledger, rec);
      if (keys.id === null && keys.name === null) continue;
      const p = roster.find(keys);
      if (!p) {
        if (rec.facts?.some((f) => f.kind === "mobile" || f.kind === "paysElsewhere" || f.kind === "transferIn")) continue;
        const near = keys.name ? nearNameOnRoster(keys.name, roster) : null;
        const field = ledger.has("name") ? "name" : "idNumber";
        const who = keys.name ?? keys.id ?? "";
        if (near) out.at(ledger, rec, field, "book.notOnRosterNearName", "warning", { name: who, other: near.name ?? "" }, relatedOf(near.ledger, near.rec, "name"));
        else out.at(ledger, rec, field, "book.notOnRoster", "error", { name: who }, relatedOf(roster.rosters[0]!, null, null));
        continue;
      }
      seen.add(p);
      const ended = roster.endedOn(p);
      if (!ended) continue;
      const last = monthIndex(ended.day);
      const left = p.transferOut === null || p.transferOut.day !== ended.day;
      const columns = ledger.sheet.set.repeatColumns;
      for (let i = 0; i < columns.length; i++) {
        const c = columns[i]!;
        const month = (c.year ?? year) * 12 + c.period - 1;
        const v = rec.repeat[i];
        if (month > last && typeof v === "number" && v > 0) {
          const field = left ? "note" : "transferOut";
          const related = relatedOf(p.ledger, p.rec, p.ledger.cell(p.rec, field) ? field : "note");
          out.atCell(ledger, a1(rec.row, c.col), rec.row + 1, "months", left ? "book.duesAfterLeaving" : "book.duesAfterTransferOut", "error", { month: monthIndexToPeriod(month), date: monthIndexToPeriod(last) }, related);
          break;
        }
      }
    }
  }
  for (const p of roster.people) {
    if (seen.has(p) || !roster.isMemberOn(p, asOf) || p.joinDate === null || p.joinDate.day > asOf) continue;
    out.at(p.ledger, p.rec, "name", "book.noDuesRow", "error", { name: p.name ?? p.id ?? "" }, relatedOf(dues[0]!, null, null));
  }
}
