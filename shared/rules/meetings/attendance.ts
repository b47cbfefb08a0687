import type { Rule, RuleContext } from "../context.js";
import type { LedgerRecord } from "../../records/build.js";
import { meetingOf } from "./meeting-of.js";

/**
 * Attendance and quorum (条例 第十一、十二条; M9, M10): present + on leave never exceeds
 * those expected; a general meeting needs more than half of its voting members present,
 * a committee meeting at least half of the committee; a 实到 stated under an attendance matrix is the
 * number of its √. A 支委会 row with no 应到 is judged against the committee's size the register states above
 * its table (支部委员3名).
 */
export const meetingAttendanceRule: Rule = {
  needs: ["present"],
  run(ctx) {
    const m = ctx.ruleSet.meetings;
    const general = m.requirements[0]?.type;
    for (const rec of ctx.records) {
      const expected = ctx.num(rec, "expected");
      const present = ctx.num(rec, "present");
      if (present === null) continue;
      if (expected === null) {
        committeeQuorumOfSize(ctx, rec, present);
        continue;
      }
      const leave = ctx.num(rec, "leave") ?? 0;
      // An attendance matrix's stated 实到 against its √ counted.
      const marked = ctx.num(rec, "marked");
      if (marked !== null && marked !== present) ctx.atCell(rec, "present", "meetings.presentVsMarks", "error", { present, marked }, String(marked));
      if (present + leave > expected) {
        ctx.atCell(rec, "present", "meetings.attendanceOver", "error", { present, leave, expected });
        continue;
      }
      const type = meetingOf(ctx, rec)?.type ?? null;
      // Where the voting members are counted apart, their quorum decides (meetings.votes).
      const votersCounted = ctx.num(rec, "votersExpected") !== null && ctx.num(rec, "votersPresent") !== null;
      if (type === general && !votersCounted && !(present > expected * m.generalQuorumShare)) {
        ctx.atCell(rec, "present", "meetings.quorumGeneral", "error", { present, expected }, `> ${expected * m.generalQuorumShare}`);
      } else if (type === "支部委员会" && present < expected * m.committeeQuorumShare) {
        ctx.atCell(rec, "present", "meetings.quorumCommittee", "error", { present, expected }, `≥ ${Math.ceil(expected * m.committeeQuorumShare)}`);
      }
    }
  },
};

/** 支部委员3名 above the table, a 支委会 row with 实到 1 and no 应到: fewer than half the committee there. */
function committeeQuorumOfSize(ctx: RuleContext, rec: LedgerRecord, present: number): void {
  const size = ctx.num(rec, "committeeSize");
  if (size === null || size <= 0 || meetingOf(ctx, rec)?.type !== "支部委员会") return;
  const share = ctx.ruleSet.meetings.committeeQuorumShare;
  if (present < size * share) ctx.atCell(rec, "present", "meetings.quorumCommittee", "error", { present, expected: size }, `≥ ${Math.ceil(size * share)}`);
}
