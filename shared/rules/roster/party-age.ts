import { addMonths, fullYearsBetween, toYmd } from "../../calendar/days.js";
import { latestDay } from "../../calendar/precision.js";
import type { Rule, RuleContext } from "../context.js";
import { saysNone } from "../../template/none-words.js";

/**
 * 党龄 (党章 第七条; 细则 第三十四条): counted from the day a member became a full member, not
 * from admission. A 党龄 that equals the years since admission instead is the known mistake;
 * any other value that is neither the full years nor the calendar years since full
 * membership (both ways of counting are in use) is wrong too.
 */
export const partyAgeRule: Rule = {
  needs: ["partyYears"],
  run(ctx) {
    if (!ctx.has("fullDate")) {
      if (ctx.has("joinDate")) judgeFromAdmission(ctx);
      return;
    }
    const asOf = toYmd(ctx.asOf);
    const field = ctx.template.fields[ctx.field("partyYears")]!;
    for (const rec of ctx.records) {
      const stated = ctx.num(rec, "partyYears");
      const full = ctx.date(rec, "fullDate");
      if (full === null || full.day > ctx.asOf) continue;
      if (stated === null) {
        // 党龄「预备」 beside a 转正 that has happened: the party age has begun and was not brought up to date.
        const text = ctx.text(rec, "partyYears");
        if (text !== "" && saysNone(field, text)) {
          ctx.atCell(rec, "partyYears", "member.partyAgeNotStarted", "error", { value: text, date: ctx.dateText(rec, "fullDate", full), expected: fullYearsBetween(full.day, ctx.asOf) });
        }
        continue;
      }
      const exact = fullYearsBetween(full.day, ctx.asOf);
      const calendar = asOf.y - toYmd(full.day).y;
      // A date written to the month (2004.07) may be any day of it: any count those days give is right.
      const fewest = fullYearsBetween(Math.min(latestDay(full), ctx.asOf), ctx.asOf);
      if (stated === calendar || (stated >= fewest && stated <= exact)) continue;
      const joined = ctx.date(rec, "joinDate");
      const fromAdmission = joined !== null && (stated === fullYearsBetween(joined.day, ctx.asOf) || stated === asOf.y - toYmd(joined.day).y);
      ctx.atCell(rec, "partyYears", fromAdmission ? "member.partyAgeFromAdmission" : "member.partyAgeMismatch", "error", { value: stated, expected: exact }, String(exact));
    }
  },
};

/**
 * A roster with 入党时间 but no 转正时间: a member became full no earlier than the probation after
 * admission (an extension only makes it later), so a 党龄 above the years since then is counted
 * from admission or is too many. One at or below it is not judged: the probation may have been extended.
 */
function judgeFromAdmission(ctx: RuleContext): void {
  const asOf = toYmd(ctx.asOf);
  const months = ctx.ruleSet.probation.months;
  for (const rec of ctx.records) {
    const stated = ctx.num(rec, "partyYears");
    const joined = ctx.date(rec, "joinDate");
    if (stated === null || joined === null) continue;
    const earliestFull = addMonths(joined.day, months);
    if (earliestFull > ctx.asOf) continue;
    // The most it can be: full years, or calendar years, since the earliest full membership (a month-only date: its first day).
    const most = Math.max(fullYearsBetween(earliestFull, ctx.asOf), asOf.y - toYmd(earliestFull).y);
    if (stated <= most) continue;
    ctx.atCell(rec, "partyYears", "member.partyAgeTooMany", "error", { value: stated, expected: most, date: ctx.dateText(rec, "joinDate", joined) }, `≤ ${most}`);
  }
}
