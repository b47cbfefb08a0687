import type { LedgerRecord } from "../../records/build.js";
import { resolveMeetingType, type MeetingRequirement } from "../../scoring/meetings.js";
import type { RuleContext } from "../context.js";
import { rowSaysNotHeld } from "../../normalise/markers.js";

/**
 * A register row's meeting type, from every source in turn: its 会议类型 cell; its name
 * (会议名称 / 活动名称 "2025年第一季度党员大会"); the section heading it sits under
 * (二、支部委员会); and the register's own type (its sheet name, title or file name). None for a row
 * that says its meeting was not held.
 */
export function meetingOf(ctx: RuleContext, rec: LedgerRecord): MeetingRequirement | null {
  // A row that says its meeting was not held (已取消, 未召开) is no meeting: not counted, no quorum asked.
  if (rowSaysNotHeld(ctx.view.rowValues(rec.row))) return null;
  const rules = ctx.ruleSet.meetings;
  return (
    resolveMeetingType(ctx.str(rec, "type"), rules) ??
    resolveMeetingType(ctx.str(rec, "title"), rules) ??
    (rec.section ? resolveMeetingType(rec.section.label, rules) : null) ??
    ctx.sheetMeetingType
  );
}
