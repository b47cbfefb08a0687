import { dayToExcelSerial } from "../../../shared/calendar/days.js";
import { checkIdValue, NUMERIC_ID_THRESHOLD, type IdCheck } from "../../../shared/scoring/idnumber.js";
import { isBlank } from "../args.js";
import type { DjContext } from "../context.js";
import { withRuleSet } from "../context.js";

/** =DJ.IDCHECK and =DJ.IDINFO over shared/idcard (GB 11643-1999). */

const PROBLEM_TEXT: Record<Exclude<IdCheck, { ok: true }>["problem"], string> = {
  format: "格式不符（应为17位数字加1位数字或X） / not 17 digits + digit or X",
  checkDigit: "校验码错误 / wrong check digit",
  birthDate: "出生日期无效 / invalid birth date",
  province: "前两位不是有效的省级代码 / unknown province code",
  numeric: "身份证号以数字存储，末几位已丢失，请把单元格设为文本后重新录入 / ID stored as a number has lost its last digits",
  legacy15: "15位旧号码，请换算为18位 / legacy 15-digit number",
};

/** The cell value, or an error for the inputs no answer can be trusted on. */
function idInput(ctx: DjContext, id: unknown): string | number {
  if (isBlank(id)) throw ctx.fail("invalidValue", "缺少身份证号 / ID number is empty");
  if (typeof id === "number") {
    if (id >= NUMERIC_ID_THRESHOLD) throw ctx.fail("invalidValue", PROBLEM_TEXT.numeric);
    return String(id);
  }
  if (typeof id !== "string") throw ctx.fail("invalidValue", "身份证号应为文本 / ID number must be text");
  return id;
}

/** An unknown province code is a warning in the engine (codes outlive districts), not a wrong number. */
const usable = (r: IdCheck) => r.ok || r.problem === "province";

export function idCheck(ctx: DjContext, id: unknown, ruleSet: unknown): boolean | Promise<boolean> {
  return withRuleSet(ctx, ruleSet, () => {
    const result = checkIdValue(idInput(ctx, id), ctx.today());
    if (!result.ok && result.problem === "numeric") throw ctx.fail("invalidValue", PROBLEM_TEXT.numeric);
    return usable(result);
  });
}

/** One row: birth date (Excel serial), sex, province. */
export function idInfo(ctx: DjContext, id: unknown, ruleSet: unknown): (number | string)[][] | Promise<(number | string)[][]> {
  return withRuleSet(ctx, ruleSet, () => {
    const result = checkIdValue(idInput(ctx, id), ctx.today());
    if (!usable(result) || !result.info) throw ctx.fail("invalidValue", `身份证号无效：${result.ok ? "" : PROBLEM_TEXT[result.problem]}`);
    const { birth, sex, province } = result.info;
    return [[dayToExcelSerial(birth), sex, province ?? ""]];
  });
}

export { PROBLEM_TEXT as ID_PROBLEM_TEXT };
