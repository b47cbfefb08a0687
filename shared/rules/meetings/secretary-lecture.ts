import { toYmd } from "../../calendar/days.js";
import type { Rule } from "../context.js";
import { meetingOf } from "./meeting-of.js";

/**
 * M4 (条例 第十六条): the branch secretary gives at least `secretaryLecturesPerYear` Party lectures a year. A
 * lecture counts as the secretary's when its title or speaker names 书记 ("书记讲党课").
 * Judged only for years the register has lectures in and that are over by the as-of day.
 */
export const secretaryLectureRule: Rule = {
  needs: ["date"],
  run(ctx) {
    const required = ctx.ruleSet.meetings.secretaryLecturesPerYear;
    if (required <= 0) return;
    const lectureYears = new Map<number, number>();
    for (const rec of ctx.records) {
      const day = ctx.num(rec, "date");
      const type = meetingOf(ctx, rec);
      if (day === null || type?.type !== "党课") continue;
      const year = toYmd(day).y;
      const bySecretary = /书记/.test(`${ctx.str(rec, "title") ?? ""} ${ctx.str(rec, "host") ?? ""}`);
      lectureYears.set(year, (lectureYears.get(year) ?? 0) + (bySecretary ? 1 : 0));
    }
    const asOfYear = toYmd(ctx.asOf);
    for (const [year, bySecretary] of lectureYears) {
      const over = year < asOfYear.y || (asOfYear.m === 12 && asOfYear.d === 31 && year === asOfYear.y);
      if (over && bySecretary < required) ctx.atPeriod("meetings.secretaryLecture", "warning", String(year), { count: bySecretary, min: required });
    }
  },
};
