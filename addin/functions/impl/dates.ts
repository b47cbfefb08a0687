import { dayToExcelSerial, type DayNumber } from "../../../shared/calendar/days.js";
import { checkIdValue, NUMERIC_ID_THRESHOLD } from "../../../shared/scoring/idnumber.js";
import { ageOn, probationEnd } from "../../../shared/scoring/probation.js";
import { isBlank, toCount, toDay } from "../args.js";
import type { DjContext } from "../context.js";
import { withRuleSet } from "../context.js";
import { ID_PROBLEM_TEXT } from "./ids.js";

/** =DJ.AGE and =DJ.PROBATIONEND: calendar arithmetic as Excel's EDATE does it. */

/** A birth date, or the one inside an ID number (text of 15+ characters). */
function birthOf(ctx: DjContext, value: unknown): DayNumber {
  if (typeof value === "number" && value >= NUMERIC_ID_THRESHOLD) throw ctx.fail("invalidValue", ID_PROBLEM_TEXT.numeric);
  if (typeof value === "string" && value.replace(/\s/g, "").length >= 15) {
    const result = checkIdValue(value, ctx.today());
    if (!result.ok) throw ctx.fail("invalidValue", `身份证号无效：${ID_PROBLEM_TEXT[result.problem]}`);
    return result.info.birth;
  }
  return toDay(value, "出生日期", ctx.fail);
}

export function age(ctx: DjContext, birthOrId: unknown, on: unknown, ruleSet: unknown): number | Promise<number> {
  return withRuleSet(ctx, ruleSet, () => {
    const birth = birthOf(ctx, birthOrId);
    const day = isBlank(on) ? ctx.today() : toDay(on, "计算日期", ctx.fail);
    const years = ageOn(birth, day);
    if (years === null) throw ctx.fail("invalidValue", "计算日期早于出生日期 / the date is before the birth date");
    return years;
  });
}

export function probationEndSerial(ctx: DjContext, admission: unknown, extensionMonths: unknown, ruleSet: unknown): number | Promise<number> {
  return withRuleSet(ctx, ruleSet, (rs) => {
    const start = toDay(admission, "接收预备党员日期", ctx.fail);
    const extension = isBlank(extensionMonths) ? 0 : toCount(extensionMonths, "延长预备期月数", ctx.fail);
    const end = probationEnd(start, extension, rs.probation);
    if (end === null) {
      const { extensionMinMonths: lo, extensionMaxMonths: hi } = rs.probation;
      throw ctx.fail("invalidValue", `延长预备期应为0或${lo}–${hi}个月，收到${extension} / extension must be 0 or ${lo}–${hi} months`);
    }
    return dayToExcelSerial(end);
  });
}
