import { personKeys, type BookLedger } from "./ledger.js";
import type { RosterIndex } from "./roster-index.js";

/**
 * The development record's 转正 for a roster member whose row gives no 转正时间 (a roster not yet
 * brought up to date): the book counts them a full member from that day. The roster's own status
 * is still held to the record (book.statusBehindDevelopment).
 */
export function lendDevelopmentDates(development: BookLedger[], roster: RosterIndex, asOf: number): void {
  for (const ledger of development) {
    for (const rec of ledger.records) {
      const full = ledger.date(rec, "fullDate");
      if (!full || full.day > asOf) continue;
      const p = roster.find(personKeys(ledger, rec));
      if (p && p.fullDate === null) p.fullDate = full;
    }
  }
}

/**
 * Before any rule runs, a dues ledger borrows from the roster what it does not write itself:
 * a member's admission (months before it are not due, 第八条) and transfers in and out (months
 * outside are another branch's), and the 缴费基数 a roster keeps where the ledger has none. The borrowed value is marked as the roster's, never shown as
 * the dues ledger's own cell.
 */
export function lendRosterDates(dues: BookLedger[], roster: RosterIndex): void {
  for (const ledger of dues) {
    for (const rec of ledger.records) {
      const p = roster.find(personKeys(ledger, rec));
      if (!p) continue;
      const from = { sheet: p.ledger.name, row: p.rec.row, col: 0 };
      if (p.joinDate) ledger.lend(rec, "joinDate", p.joinDate.day, from);
      if (p.transferIn) ledger.lend(rec, "transferIn", p.transferIn.day, from);
      if (p.transferOut) ledger.lend(rec, "transferOut", p.transferOut.day, from);
      const base = p.ledger.get(p.rec, "duesBase");
      if (typeof base === "number") ledger.lend(rec, "base", base, { ...from, col: p.ledger.sheet.set.colOf[p.ledger.fieldIndex("duesBase")] ?? 0 });
    }
  }
}
