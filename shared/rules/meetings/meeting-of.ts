import type { LedgerRecord } from "../../records/build.js";
import { resolveMeetingType, type MeetingRequirement } from "../../scoring/meetings.js";
import type { RuleContext } from "../context.js";

/** A register row's meeting type: its 会议类型, else what its name says ("2025年第一季度党员大会"). */
export function meetingOf(ctx: RuleContext, rec: LedgerRecord): MeetingRequirement | null {
  return resolveMeetingType(ctx.str(rec, "type") ?? ctx.str(rec, "title"), ctx.ruleSet.meetings);
}
