import { toIso } from "../../calendar/days.js";
import { resolveMeetingType, type MeetingRules } from "../../scoring/meetings.js";
import { BookFindings, relatedOf } from "../emit.js";
import type { BookLedger } from "../ledger.js";

/**
 * A 支部委员会 meeting's 应到 against the committee list of the book (条例第十二条: the committee
 * meets as its 委员): more expected than the list has 委员 is a warning at the 应到 (what a
 * register counts as 应到 is practice). Fewer is not judged: a 委员 may have joined since the meeting.
 * Only one member list in the book is the committee; with several, none is assumed.
 */
export function checkCommitteeMeetingsAgainstList(meetings: BookLedger[], committees: BookLedger[], rules: MeetingRules, out: BookFindings): void {
  const lists = committees.filter((c) => c.templateId === "committee-members" && c.has("name"));
  if (lists.length !== 1 || meetings.length === 0) return;
  const list = lists[0]!;
  const size = list.records.filter((r) => list.str(r, "name") !== null).length;
  const committee = rules.requirements.find((r) => r.needsCommittee);
  if (size === 0 || !committee) return;
  for (const ledger of meetings) {
    const sheetType = ledger.sheet.meetingType?.requirement ?? null;
    for (const rec of ledger.records) {
      const expected = ledger.get(rec, "expected");
      if (typeof expected !== "number" || expected <= size) continue;
      const type = resolveMeetingType(ledger.str(rec, "type"), rules) ?? resolveMeetingType(ledger.str(rec, "title"), rules) ?? sheetType;
      if (type !== committee) continue;
      const day = ledger.date(rec, "date");
      out.at(ledger, rec, "expected", "book.committeeExpectedTooMany", "warning", { expected, size, date: day ? toIso(day.day) : "" }, relatedOf(list, null, null), String(size));
    }
  }
}
