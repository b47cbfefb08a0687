import { toIso } from "../../calendar/days.js";
import { surelyBefore, type DateValue } from "../../calendar/precision.js";
import { BookFindings, relatedOf } from "../emit.js";
import { personKeys, type BookLedger } from "../ledger.js";
import type { RosterIndex } from "../roster-index.js";

/**
 * The development record against the roster (§6.3 #8): the same person's admission and
 * full-membership dates agree (to the precision both are written), and the roster's 正式 /
 * 预备 status follows the record's dates.
 */
function differ(a: DateValue, b: DateValue): boolean {
  if (a.precision === "day" && b.precision === "day") return a.day !== b.day;
  return surelyBefore(a, b) || surelyBefore(b, a);
}

const show = (d: DateValue) => (d.precision === "day" ? toIso(d.day) : toIso(d.day).slice(0, d.precision === "month" ? 7 : 4));

export function checkDevelopmentAgainstRoster(development: BookLedger[], roster: RosterIndex, asOf: number, out: BookFindings): void {
  if (roster.rosters.length === 0) return;
  for (const ledger of development) {
    for (const rec of ledger.records) {
      const p = roster.find(personKeys(ledger, rec));
      if (!p) continue;
      for (const field of ["joinDate", "fullDate"] as const) {
        const mine = ledger.date(rec, field);
        const theirs = field === "joinDate" ? p.joinDate : p.fullDate;
        if (mine && theirs && differ(mine, theirs)) {
          out.at(ledger, rec, field, "book.dateDiffers", "error", { value: show(mine), other: show(theirs) }, relatedOf(p.ledger, p.rec, field), show(theirs));
        }
      }
      const full = ledger.date(rec, "fullDate");
      if (full && full.day <= asOf && p.status !== null && p.status.includes("预备")) {
        out.at(p.ledger, p.rec, "status", "book.statusBehindDevelopment", "warning", { value: p.status, date: show(full) }, relatedOf(ledger, rec, "fullDate"));
      }
    }
  }
}
