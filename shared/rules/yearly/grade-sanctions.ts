import { toYmd } from "../../calendar/days.js";
import { titleYear } from "../../records/title-year.js";
import type { Rule } from "../context.js";
import { checkSanction } from "./cadre-grades.js";

/**
 * A 年度考核 测评 sheet (votes, score and 考核等次) that keeps each cadre's 处分/组织处理情况 beside the grade:
 * the sanction limits that year's grade as the rule set's `sanctions` say (党内警告、诫勉: not 优秀), exactly as on a
 * sheet of grades alone. The year is the row's 考核年度, else the title's, else the as-of year.
 */
export const gradeSanctionsRule: Rule = {
  needs: ["name", "grade"],
  run(ctx) {
    const sheetYear = titleYear(ctx.view, ctx.headerRow) ?? toYmd(ctx.asOf).y;
    for (const rec of ctx.records) {
      const grade = ctx.str(rec, "grade");
      if (grade) checkSanction(ctx, rec, ctx.num(rec, "year") ?? sheetYear, grade, (code, args) => ctx.atCell(rec, "grade", code, "error", args));
    }
  },
};
