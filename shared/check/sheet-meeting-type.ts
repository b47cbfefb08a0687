import type { SheetContext } from "../detect/sheet-context.js";
import { meetingTypesNamed, resolveMeetingType, type MeetingRequirement, type MeetingRules } from "../scoring/meetings.js";

/**
 * The meeting type a whole register is of, when it says so outside its rows: a sheet named
 * 支委会, a title 「2025年主题党日活动登记表」, a file 主题党日活动录入样表. Rows with a type of
 * their own (a 会议类型 column, a 会议名称 that names one) keep it; the others take this one.
 * A text that names two types (a title over 支委会 and 党小组会 tables) says neither.
 */
export function sheetMeetingType(ctx: SheetContext, rules: MeetingRules): { requirement: MeetingRequirement; source: "sheet" | "title" | "file" } | null {
  const tries: [string, "sheet" | "title" | "file"][] = [
    [ctx.sheetName, "sheet"],
    ...ctx.titles.map((t): [string, "title"] => [t, "title"]),
    [ctx.fileName, "file"],
  ];
  for (const [raw, source] of tries) {
    // The organisation's own name ("中共东湖村支部委员会") and 填报单位 lines name no meeting.
    if (!raw || /^\s*(?:填报|填表|报送)?单位[:：]/.test(raw)) continue;
    const text = raw.replace(/中共[\u4e00-\u9fa5\d]*?委员会/g, "").replace(/[\u4e00-\u9fa5\d]+?党支部委员会(?!会议)/g, "");
    const req = resolveMeetingType(text, rules);
    if (req && meetingTypesNamed(text, rules).length === 1) return { requirement: req, source };
  }
  return null;
}
