import { addMonths, toIso } from "../../calendar/days.js";
import { latestDay } from "../../calendar/precision.js";
import type { Rule } from "../context.js";

/** 细则 第九条: one or two 正式党员 as an activist's 培养联系人 (the rule set's most), written as names. */
export const contactPersonsRule: Rule = {
  needs: ["contactPersons"],
  run(ctx) {
    const max = ctx.ruleSet.development.contactPersonsMax;
    for (const rec of ctx.records) {
      const text = ctx.str(rec, "contactPersons");
      if (text === null) continue;
      const names = text.split(/[、,，;；/\\\s]+/).filter((n) => n.length > 0);
      // Only names plainly one person's each (2–4 characters): 王建国李红梅 run together is not counted.
      if (names.length > max && names.every((n) => /^[\u4e00-\u9fa5·]{2,4}$/.test(n))) {
        ctx.atCell(rec, "contactPersons", "development.contactPersonsMany", "warning", { value: text, count: names.length, max });
      }
    }
  },
};

const STEPS = ["activistDate", "review1", "review2", "review3"] as const;

/**
 * 细则 第十一条: the branch reviews an activist every half year (the rule set's months). Each
 * 考察 the register dates is at most that long after the step before it (the naming as
 * activist, or the previous 考察). A 考察 not yet written is not judged: the register may be current.
 */
export const activistReviewsRule: Rule = {
  needs: ["review1"],
  run(ctx) {
    const months = ctx.ruleSet.development.activistReviewMonths;
    for (const rec of ctx.records) {
      let previous: number | null = null;
      let previousStep: string = STEPS[0];
      for (const step of STEPS) {
        const d = ctx.date(rec, step);
        if (d === null) {
          if (step === "activistDate") break;
          continue;
        }
        if (previous !== null && d.precision === "day" && d.day > addMonths(previous, months)) {
          ctx.atCell(rec, step, "development.reviewGap", "warning", { field: ctx.title(step), value: toIso(d.day), previousField: ctx.title(previousStep), previous: toIso(previous), months });
        }
        previous = latestDay(d);
        previousStep = step;
      }
    }
  },
};
