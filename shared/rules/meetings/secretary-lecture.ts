import { fromYmd, toYmd } from "../../calendar/days.js";
import { ownsPeriodEnd, partContexts } from "../../book/register-parts.js";
import type { Rule } from "../context.js";
import { meetingOf } from "./meeting-of.js";

/**
 * M4 (条例 第十六条): the branch secretary gives at least `secretaryLecturesPerYear` Party lectures a year.
 * The speaker is the 主讲人 / 授课人 column where the sheet has one (the 主持人 chairs, and may be the
 * secretary while others lecture), else the 主持人. A lecture counts as the secretary's when its
 * speaker is the secretary the sheet names above its table ("党支部书记：孙宏伟") or the speaker's
 * post (in the cell, or a 职务 column beside it) says 支部书记; where the sheet names none, when its
 * title, speaker or 备注 says 书记 — not another body's (党组书记, 党委书记 of the county bureau).
 * Judged only for years the register has lectures in and that are over by the as-of day; a
 * register kept in parts (一季度 … 四季度) over all its parts, said once, by the part holding December.
 */
const SECRETARY_LINE = /(?:党支部|支部|党总支)?书记\s*[:：]\s*([\u4e00-\u9fa5·]{2,4})/;
const BY_SECRETARY = /(?<!党组|党委|党工委|局|委)书记/;
/** The branch's own secretary, not a 党总支书记 or a 第一书记 of another body. */
const OWN_SECRETARY = /(?<!总)支部书记/;
/** 书记牛玉兰讲党课, 支部书记为全体党员上党课: the branch's secretary lecturing, said in the content. */
const SECRETARY_LECTURED = /(?<![总组委])书记[\u4e00-\u9fa5·]{0,6}?(?:讲|上|作)(?:专题)?党课/;

function secretaryNamed(titles: string[]): string | null {
  for (const t of titles) {
    const m = SECRETARY_LINE.exec(t);
    if (m) return m[1]!;
  }
  return null;
}
export const secretaryLectureRule: Rule = {
  needs: ["date"],
  run(ctx) {
    const required = ctx.ruleSet.meetings.secretaryLecturesPerYear;
    if (required <= 0) return;
    const lectureYears = new Map<number, number>();
    for (const part of partContexts(ctx)) {
      const secretary = secretaryNamed(part.sheet.titles);
      for (const rec of part.records) {
        const day = part.num(rec, "date");
        const type = meetingOf(part, rec);
        if (day === null || type?.type !== "党课") continue;
        const year = toYmd(day).y;
        const speaker = (part.has("speaker") ? part.str(rec, "speaker") : null) ?? part.str(rec, "host") ?? "";
        const post = part.set.postColumns.map((c) => part.view.value(rec.row, c)).filter((v) => typeof v === "string").join(" ");
        // A 备注 may say who lectured (3月由支部书记讲党课), where the register has no column for it.
        const note = part.str(rec, "note") ?? "";
        const words = `${part.str(rec, "title") ?? ""} ${speaker} ${post} ${note}`;
        // The content may say it in words: 书记牛玉兰讲党课《…》 (not 学习总书记…).
        const content = `${part.str(rec, "content") ?? ""} ${part.str(rec, "agenda") ?? ""}`;
        const bySecretary = (secretary ? speaker.includes(secretary) || OWN_SECRETARY.test(`${speaker} ${post} ${note}`) : BY_SECRETARY.test(words)) || SECRETARY_LECTURED.test(content);
        lectureYears.set(year, (lectureYears.get(year) ?? 0) + (bySecretary ? 1 : 0));
      }
    }
    const asOfYear = toYmd(ctx.asOf);
    for (const [year, bySecretary] of lectureYears) {
      if (!ownsPeriodEnd(ctx, fromYmd(year, 12, 31))) continue;
      const over = year < asOfYear.y || (asOfYear.m === 12 && asOfYear.d === 31 && year === asOfYear.y);
      if (over && bySecretary < required) ctx.atPeriod("meetings.secretaryLecture", "warning", String(year), { count: bySecretary, min: required });
    }
  },
};
