import type { Rule } from "../context.js";

/**
 * G7 (细则 第十七条) where the sheet gives the training's length rather than its two dates: 集中培训（学时）
 * on a student ledger, 培训天数 beside 起/止. At least `trainingMinDays` days or `trainingMinHours` 学时;
 * a row whose whole start and end dates are written is judged by them (steps.ts: trainingRule), not here.
 */
export const trainingLengthRule: Rule = {
  needs: [],
  run(ctx) {
    const { trainingMinDays, trainingMinHours } = ctx.ruleSet.development;
    if (!ctx.has("trainingHours") && !ctx.has("trainingDays")) return;
    const datedRange = ctx.has("trainingStart") && ctx.has("trainingEnd");
    for (const rec of ctx.records) {
      if (datedRange) {
        const start = ctx.date(rec, "trainingStart");
        const end = ctx.date(rec, "trainingEnd");
        if (start?.precision === "day" && end?.precision === "day") continue;
      }
      const hours = ctx.num(rec, "trainingHours");
      const days = ctx.num(rec, "trainingDays");
      if (hours === null && days === null) continue;
      // Either measure reaching its minimum is enough.
      if ((hours !== null && hours >= trainingMinHours) || (days !== null && days >= trainingMinDays)) continue;
      if (hours !== null) ctx.atCell(rec, "trainingHours", "development.trainingHoursShort", "error", { hours, minDays: trainingMinDays, minHours: trainingMinHours }, `≥ ${trainingMinHours}`);
      else ctx.atCell(rec, "trainingDays", "development.trainingShort", "error", { days: days!, minDays: trainingMinDays, minHours: trainingMinHours }, `≥ ${trainingMinDays}`);
    }
  },
};
