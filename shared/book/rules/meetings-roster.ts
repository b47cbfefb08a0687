import { toIso } from "../../calendar/days.js";
import { resolveMeetingType, type MeetingRules } from "../../scoring/meetings.js";
import { BookFindings, relatedOf } from "../emit.js";
import type { BookLedger } from "../ledger.js";
import type { RosterIndex } from "../roster-index.js";

/**
 * Those expected at a vote against the roster (M9; §2.1: 预备党员 have no vote): a general
 * meeting's 应到人数, and the 应到有表决权人数 of the branch meeting that admitted a member,
 * are never fewer than the roster's full members on that day. More than its members that day (full
 * and probationary: a register's 应到 may count those who attend without a vote) is judged only where
 * the roster keeps those who left (a 转出 with its date, 去世, 除名): a roster that lists only today's
 * members may lack those who left since.
 */
export function checkVotersAgainstRoster(meetings: BookLedger[], development: BookLedger[], roster: RosterIndex, rules: MeetingRules, out: BookFindings): void {
  if (roster.rosters.length === 0) return;
  const related = relatedOf(roster.rosters[0]!, null, null);
  const general = rules.requirements[0];
  const keepsLeavers = roster.people.some((p) => p.transferOut !== null || p.left);
  for (const ledger of meetings) {
    const sheetType = ledger.sheet.meetingType?.requirement ?? null;
    for (const rec of ledger.records) {
      const day = ledger.date(rec, "date");
      const expected = ledger.get(rec, "expected");
      if (!day || typeof expected !== "number") continue;
      const type = resolveMeetingType(ledger.str(rec, "type"), rules) ?? resolveMeetingType(ledger.str(rec, "title"), rules) ?? sheetType;
      if (type !== general) continue;
      const voters = roster.fullMembersOn(day.day);
      if (expected < voters) out.at(ledger, rec, "expected", "book.expectedTooFew", "warning", { expected, voters, date: toIso(day.day) }, related, String(voters));
      else if (keepsLeavers && expected > voters) {
        const members = roster.membersOn(day.day);
        if (expected > members) out.at(ledger, rec, "expected", "book.expectedTooMany", "warning", { expected, members, voters, date: toIso(day.day) }, related, String(voters));
      }
    }
  }
  for (const ledger of development) {
    for (const rec of ledger.records) {
      const day = ledger.date(rec, "joinDate");
      const expected = ledger.get(rec, "votersExpected");
      if (!day || typeof expected !== "number") continue;
      const voters = roster.fullMembersOn(day.day);
      if (expected < voters) out.at(ledger, rec, "votersExpected", "book.expectedTooFew", "warning", { expected, voters, date: toIso(day.day) }, related, String(voters));
    }
  }
}
