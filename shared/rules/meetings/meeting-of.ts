import type { LedgerRecord } from "../../records/build.js";
import { resolveMeetingType, type MeetingRequirement } from "../../scoring/meetings.js";
import type { RuleContext } from "../context.js";
import { rowSaysNotHeld } from "../../normalise/markers.js";
import { meetingsHeldIn } from "./held-in-text.js";

/** The text fields whose words may say which meetings a row's was (召开3月份支委会，研究…). */
const TEXT_FIELDS = ["title", "agenda", "content"] as const;

/**
 * A register row's meeting type, from every source in turn: its 会议类型 cell; its name
 * (会议名称 / 活动名称 "2025年第一季度党员大会"); the section heading it sits under
 * (二、支部委员会); the register's own type (its sheet name, title or file name); and last the words of
 * its topic or content that say a meeting was held (召开3月份支委会，研究…). None for a row that says its
 * meeting was not held.
 */
export function meetingOf(ctx: RuleContext, rec: LedgerRecord): MeetingRequirement | null {
  // A row that says its meeting was not held (已取消, 未召开) is no meeting: not counted, no quorum asked.
  if (rowSaysNotHeld(ctx.view.rowValues(rec.row))) return null;
  const rules = ctx.ruleSet.meetings;
  return (
    resolveMeetingType(ctx.str(rec, "type"), rules) ??
    resolveMeetingType(ctx.str(rec, "title"), rules) ??
    (rec.section ? resolveMeetingType(rec.section.label, rules) : null) ??
    ctx.sheetMeetingType ??
    heldIn(ctx, rec)[0] ??
    null
  );
}

/**
 * The other meetings the row's words say were held with it (召开2025年度组织生活会，开展民主评议党员;
 * 组织生活会暨民主评议党员大会): each counts for its own type's frequency.
 */
export function alsoHeld(ctx: RuleContext, rec: LedgerRecord, primary: MeetingRequirement): MeetingRequirement[] {
  return heldIn(ctx, rec).filter((req) => req !== primary);
}

function heldIn(ctx: RuleContext, rec: LedgerRecord): MeetingRequirement[] {
  const out: MeetingRequirement[] = [];
  for (const name of TEXT_FIELDS) for (const req of meetingsHeldIn(ctx.str(rec, name), ctx.ruleSet.meetings)) if (!out.includes(req)) out.push(req);
  return out;
}
