import { addMonths, fullYearsBetween, inclusiveDays, toIso } from "../../calendar/days.js";
import { birthOf } from "../birth.js";
import type { Rule } from "../context.js";

/** G1: an applicant is at least 18 (党章 第一条, 细则 第五条). Judged at application, else at admission. */
export const minimumAgeRule: Rule = {
  needs: [],
  run(ctx) {
    const min = ctx.ruleSet.development.minAgeYears;
    const at = ctx.has("applyDate") ? "applyDate" : ctx.has("joinDate") ? "joinDate" : null;
    if (!at || !(ctx.has("birthDate") || ctx.has("idNumber"))) return;
    for (const rec of ctx.records) {
      const day = ctx.num(rec, at);
      const birth = birthOf(ctx, rec);
      if (day === null || birth === null) continue;
      const age = fullYearsBetween(birth, day);
      if (age < min) ctx.atCell(rec, at, "development.underAge", "error", { value: toIso(day), age, min }, toIso(addMonths(birth, min * 12)));
    }
  },
};

/** G2: the talk follows the application within a month (细则 第七条). */
export const talkWithinRule: Rule = {
  needs: ["applyDate", "talkDate"],
  run(ctx) {
    const months = ctx.ruleSet.development.talkWithinMonths;
    for (const rec of ctx.records) {
      const apply = ctx.num(rec, "applyDate");
      const talk = ctx.num(rec, "talkDate");
      if (apply === null || talk === null || talk < apply) continue;
      const limit = addMonths(apply, months);
      if (talk > limit) ctx.atCell(rec, "talkDate", "development.talkLate", "warning", { value: toIso(talk), months }, toIso(limit));
    }
  },
};

/** G4: a candidate has been an activist for at least a year (细则 第十三条). */
export const activistYearRule: Rule = {
  needs: ["activistDate", "candidateDate"],
  run(ctx) {
    const months = ctx.ruleSet.development.activistToCandidateMonths;
    for (const rec of ctx.records) {
      const activist = ctx.num(rec, "activistDate");
      const candidate = ctx.num(rec, "candidateDate");
      if (activist === null || candidate === null || candidate < activist) continue;
      const earliest = addMonths(activist, months);
      if (candidate < earliest) {
        ctx.atCell(rec, "candidateDate", "development.activistTooShort", "error", { value: toIso(candidate), activist: toIso(activist), months }, `≥ ${toIso(earliest)}`);
      }
    }
  },
};

/** G7: candidates' training lasts at least 3 days (both ends counted) or 24 hours (细则 第十七条). */
export const trainingRule: Rule = {
  needs: ["trainingStart", "trainingEnd"],
  run(ctx) {
    const { trainingMinDays, trainingMinHours } = ctx.ruleSet.development;
    for (const rec of ctx.records) {
      const start = ctx.num(rec, "trainingStart");
      const end = ctx.num(rec, "trainingEnd");
      if (start === null || end === null) continue;
      if (end < start) {
        ctx.atCell(rec, "trainingEnd", "dates.order", "error", { value: toIso(end), before: ctx.title("trainingStart"), beforeValue: toIso(start) });
        continue;
      }
      const days = inclusiveDays(start, end);
      const hours = ctx.num(rec, "trainingHours");
      if (days < trainingMinDays && (hours === null || hours < trainingMinHours)) {
        ctx.atCell(rec, "trainingEnd", "development.trainingShort", "error", { days, minDays: trainingMinDays, minHours: trainingMinHours });
      }
      const candidate = ctx.num(rec, "candidateDate");
      if (candidate !== null && start < candidate) {
        ctx.atCell(rec, "trainingStart", "development.trainingBeforeCandidate", "warning", { value: toIso(start), candidate: toIso(candidate) });
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
      const joined = ctx.num(rec, "joinDate");
      const approved = ctx.num(rec, "approvalDate");
      if (joined === null || approved === null || approved < joined) continue;
      if (approved > addMonths(joined, approvalErrorMonths)) {
        ctx.atCell(rec, "approvalDate", "development.approvalLate", "error", { value: toIso(approved), months: approvalErrorMonths });
      } else if (approved > addMonths(joined, approvalWarnMonths)) {
        ctx.atCell(rec, "approvalDate", "development.approvalLate", "warning", { value: toIso(approved), months: approvalWarnMonths });
      }
    }
  },
};
