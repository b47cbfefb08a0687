import { fromYmd } from "../../calendar/days.js";
import { titleYear } from "../../records/title-year.js";
import { shownDate } from "../dates-agree.js";
import { BookFindings, relatedOf } from "../emit.js";
import { personKeys, type BookLedger } from "../ledger.js";
import type { RosterIndex, RosterPerson } from "../roster-index.js";

/** Notes on a roster row that say the member is rightly left out of an appraisal. */
const EXCUSED = ["notAssessed", "abroad", "suspended"] as const;

/**
 * The 民主评议党员 list against the roster (条例第十九条: the branch appraises its own members,
 * 预备党员 among them). One the roster says transferred out, died or left before the appraisal is no
 * longer the branch's to appraise (an error at the name). A member on the roll that day who is not
 * on the list is a warning at the roster's row: whether an omission needs a reason is practice.
 * The appraisal is taken at the end of the year its title names (or the as-of day, if earlier).
 */
export function checkAppraisalAgainstRoster(appraisals: BookLedger[], roster: RosterIndex, asOf: number, out: BookFindings): void {
  if (roster.rosters.length === 0) return;
  for (const ledger of appraisals) {
    if (!ledger.has("name")) continue;
    const year = titleYear(ledger.sheet.view, ledger.sheet.layout.headerRow);
    const day = year === null ? asOf : Math.min(asOf, fromYmd(year, 12, 31));
    const listed = new Set<RosterPerson>();
    for (const rec of ledger.records) {
      const p = roster.find(personKeys(ledger, rec));
      if (!p) continue;
      listed.add(p);
      const ended = roster.endedOn(p);
      if (ended && ended.day <= day) {
        const field = p.transferOut && p.transferOut.day === ended.day && p.ledger.has("transferOut") ? "transferOut" : "note";
        out.at(ledger, rec, "name", "book.appraisedAfterLeaving", "error", { name: p.name ?? "", date: shownDate(ended) }, relatedOf(p.ledger, p.rec, field));
      }
    }
    // Only a list of the branch's members, most of them on the roster, is held to the whole roll.
    if (listed.size < ledger.records.length * LIST_SHARE) continue;
    for (const p of roster.people) {
      if (listed.has(p) || !roster.isMemberOn(p, day) || p.joinDate === null || p.joinDate.day > day) continue;
      if (p.rec.facts?.some((f) => (EXCUSED as readonly string[]).includes(f.kind))) continue;
      out.at(p.ledger, p.rec, "name", "book.notAppraised", "warning", { name: p.name ?? "" }, relatedOf(ledger, null, null));
    }
  }
}
/** The share of an appraisal's names the roster must hold for the list to be the branch's (a reading, not a rule). */
const LIST_SHARE = 0.8;
