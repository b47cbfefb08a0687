import { toIso } from "../../calendar/days.js";
import { datesDiffer, shownDate } from "../dates-agree.js";
import { BookFindings, relatedOf } from "../emit.js";
import { personKeys, type BookLedger } from "../ledger.js";
import type { RosterIndex } from "../roster-index.js";

/**
 * The committee list against the roster: a 委员 is a member of the branch on the roll (one the
 * roster says died, left or transferred out is still listed with no 补选: an error at the name);
 * the same member's 入党时间 agrees on both (§6.3, one member's facts alike in every ledger); and
 * one the roster shows still a 预备党员 on the day of taking the post (or, with no 任职时间, on the
 * as-of day) had no right to be elected (党章第七条; 选举工作条例第五条). The committee sheet's own
 * rule judges the last where the list gives the dates itself.
 */
export function checkCommitteeAgainstRoster(committees: BookLedger[], roster: RosterIndex, asOf: number, out: BookFindings): void {
  if (roster.rosters.length === 0) return;
  for (const ledger of committees) {
    if (ledger.templateId !== "committee-members") continue;
    const ownDates = ledger.has("joinDate") || ledger.has("fullDate");
    for (const rec of ledger.records) {
      const p = roster.find(personKeys(ledger, rec));
      if (!p) continue;
      const ended = roster.endedOn(p);
      if (ended && ended.day <= asOf) {
        out.at(ledger, rec, "name", "book.committeeMemberGone", "error", { name: p.name ?? "", date: shownDate(ended) }, relatedOf(p.ledger, p.rec, "note"));
        continue;
      }
      const mine = ledger.date(rec, "joinDate");
      if (mine && p.joinDate && datesDiffer(mine, p.joinDate)) {
        out.at(ledger, rec, "joinDate", "book.dateDiffers", "error", { value: shownDate(mine), other: shownDate(p.joinDate) }, relatedOf(p.ledger, p.rec, "joinDate"), shownDate(p.joinDate));
        continue;
      }
      if (ownDates) continue;
      const appointed = ledger.date(rec, "appointedDate");
      const day = appointed && appointed.day <= asOf ? appointed.day : asOf;
      if (p.joinDate && p.joinDate.day <= day && roster.isMemberOn(p, day) && !roster.isFullMemberOn(p, day)) {
        out.at(ledger, rec, "name", "book.committeeMemberProbationary", "error", { name: p.name ?? "", date: toIso(day), joined: shownDate(p.joinDate) }, relatedOf(p.ledger, p.rec, "status"));
      }
    }
  }
}
