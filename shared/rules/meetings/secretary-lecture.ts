import { toYmd } from "../../calendar/days.js";
import type { Rule } from "../context.js";
import { MeetingTypes } from "./meeting-types.js";

/**
 * M4 (条例 第十六条): the branch secretary gives at least one Party lecture a year. A
 * lecture counts as the secretary's when its title or speaker names 书记 ("书记讲党课").
 * Judged only for years the register has lectures in and that are over by the as-of day.
 */
export const secretaryLectureRule: Rule = {
  needs: ["date"],
  run(ctx) {
    const types = new MeetingTypes(ctx.ruleSet.meetings.requirements);
    const lectureYears = new Map<number, boolean>();
    for (const rec of ctx.records) {
      const day = ctx.num(rec, "date");
      const type = types.resolve(ctx.str(rec, "type") ?? ctx.str(rec, "title"));
      if (day === null || type?.type !== "党课") continue;
      const year = toYmd(day).y;
      const bySecretary = /书记/.test(`${ctx.str(rec, "title") ?? ""} ${ctx.str(rec, "host") ?? ""}`);
      lectureYears.set(year, (lectureYears.get(year) ?? false) || bySecretary);
    }
    const asOfYear = toYmd(ctx.asOf);
    for (const [year, bySecretary] of lectureYears) {
      const over = year < asOfYear.y || (asOfYear.m === 12 && asOfYear.d === 31 && year === asOfYear.y);
      if (over && !bySecretary) ctx.atPeriod("meetings.secretaryLecture", "warning", String(year));
    }
  },
};
