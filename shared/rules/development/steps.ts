import { addMonths, fullYearsBetween, inclusiveDays, toIso } from "../../calendar/days.js";
import { latestDay, type DateValue } from "../../calendar/precision.js";
import { birthOf } from "../birth.js";
import type { Rule } from "../context.js";

/**
 * The development steps' time limits (细则). A date written to the month only (2019.03)
 * raises a finding only when every day it can be breaks the rule.
 */
const whole = (d: DateValue) => d.precision === "day";

/** G1: an applicant is at least 18 (党章 第一条, 细则 第五条). Judged at application, else at admission. */
export const minimumAgeRule: Rule = {
  needs: [],
  run(ctx) {
    const min = ctx.ruleSet.development.minAgeYears;
    const at = ctx.has("applyDate") ? "applyDate" : ctx.has("joinDate") ? "joinDate" : null;
    if (!at || !(ctx.has("birthDate") || ctx.has("idNumber"))) return;
    for (const rec of ctx.records) {
      const day = ctx.date(rec, at);
      const birth = birthOf(ctx, rec);
      if (day === null || birth === null) continue;
      // The oldest the person can have been on the latest day the date can be.
      const age = fullYearsBetween(birth.day, latestDay(day));
      if (age < min) {
        ctx.atCell(rec, at, "development.underAge", "error", { value: whole(day) ? toIso(day.day) : ctx.text(rec, at), age, min }, toIso(addMonths(birth.day, min * 12)));
      }
    }
  },
};

/** G2: the talk follows the application within a month (细则 第七条). */
export const talkWithinRule: Rule = {
  needs: ["applyDate", "talkDate"],
  run(ctx) {
    const months = ctx.ruleSet.development.talkWithinMonths;
    for (const rec of ctx.records) {
      const apply = ctx.date(rec, "applyDate");
      const talk = ctx.date(rec, "talkDate");
      if (apply === null || talk === null || latestDay(talk) < apply.day) continue;
      const limit = addMonths(latestDay(apply), months);
      if (talk.day > limit) ctx.atCell(rec, "talkDate", "development.talkLate", "warning", { value: whole(talk) ? toIso(talk.day) : ctx.text(rec, "talkDate"), months }, toIso(limit));
    }
  },
};

/** G4: a candidate has been an activist for at least a year (细则 第十三条). */
export const activistYearRule: Rule = {
  needs: ["activistDate", "candidateDate"],
  run(ctx) {
    const months = ctx.ruleSet.development.activistToCandidateMonths;
    for (const rec of ctx.records) {
      const activist = ctx.date(rec, "activistDate");
      const candidate = ctx.date(rec, "candidateDate");
      if (activist === null || candidate === null || latestDay(candidate) < activist.day) continue;
      const earliest = addMonths(activist.day, months);
      if (latestDay(candidate) < earliest) {
        ctx.atCell(
          rec,
          "candidateDate",
          "development.activistTooShort",
          "error",
          { value: whole(candidate) ? toIso(candidate.day) : ctx.text(rec, "candidateDate"), activist: whole(activist) ? toIso(activist.day) : ctx.text(rec, "activistDate"), months },
          `≥ ${toIso(earliest)}`,
        );
      }
    }
  },
};

/** G7: candidates' training lasts at least 3 days (both ends counted) or 24 hours (细则 第十七条); judged on whole days only. */
export const trainingRule: Rule = {
  needs: ["trainingStart", "trainingEnd"],
  run(ctx) {
    const { trainingMinDays, trainingMinHours } = ctx.ruleSet.development;
    for (const rec of ctx.records) {
      const start = ctx.date(rec, "trainingStart");
      const end = ctx.date(rec, "trainingEnd");
      if (start === null || end === null || !whole(start) || !whole(end)) continue;
      if (end.day < start.day) {
        ctx.atCell(rec, "trainingEnd", "dates.order", "error", { value: toIso(end.day), before: ctx.title("trainingStart"), beforeValue: toIso(start.day) });
        continue;
      }
      const days = inclusiveDays(start.day, end.day);
      const hours = ctx.num(rec, "trainingHours");
      if (days < trainingMinDays && (hours === null || hours < trainingMinHours)) {
        ctx.atCell(rec, "trainingEnd", "development.trainingShort", "error", { days, minDays: trainingMinDays, minHours: trainingMinHours });
      }
      const candidate = ctx.date(rec, "candidateDate");
      if (candidate !== null && start.day < candidate.day && whole(candidate)) {
        ctx.atCell(rec, "trainingStart", "development.trainingBeforeCandidate", "warning", { value: toIso(start.day), candidate: toIso(candidate.day) });
      }
    }
  },
};

/** G11: the committee approves an admission within 3 months, never beyond 6 (细则 第二十八条). */
export const approvalDelayRule: Rule = {
  needs: ["joinDate", "approvalDate"],
  run(ctx) {
    const { approvalWarnMonths, approvalErrorMonths } = ctx.ruleSet.development;
    for (const rec of ctx.records) {
      const joined = ctx.date(rec, "joinDate");
      const approved = ctx.date(rec, "approvalDate");
      if (joined === null || approved === null || latestDay(approved) < joined.day) continue;
      const value = whole(approved) ? toIso(approved.day) : ctx.text(rec, "approvalDate");
      if (approved.day > addMonths(latestDay(joined), approvalErrorMonths)) {
        ctx.atCell(rec, "approvalDate", "development.approvalLate", "error", { value, months: approvalErrorMonths });
      } else if (approved.day > addMonths(latestDay(joined), approvalWarnMonths)) {
        ctx.atCell(rec, "approvalDate", "development.approvalLate", "warning", { value, months: approvalWarnMonths });
      }
    }
  },
};
