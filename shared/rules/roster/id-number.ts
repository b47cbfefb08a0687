import { toIso } from "../../calendar/days.js";
import { agreesWith } from "../../calendar/precision.js";
import { checkCharacter, validateIdNumber } from "../../idcard/gb11643.js";
import type { Rule } from "../context.js";

/** GB 11643-1999: check digit, birth date, province; birth date and sex agree with the sheet's own columns. */
export const idNumberRule: Rule = {
  needs: ["idNumber"],
  run(ctx) {
    const hasBirth = ctx.has("birthDate");
    const hasSex = ctx.has("sex");
    for (const rec of ctx.records) {
      const id = ctx.str(rec, "idNumber");
      if (id === null) continue;
      const result = validateIdNumber(id, ctx.asOf);
      if (!result.ok) {
        if (result.problem === "checkDigit") {
          ctx.atCell(rec, "idNumber", "id.checkDigit", "error", { value: id }, id.slice(0, 17) + checkCharacter(id.slice(0, 17)));
        } else if (result.problem === "province") {
          ctx.atCell(rec, "idNumber", "id.province", "warning", { value: id, code: id.slice(0, 2) });
        } else {
          ctx.atCell(rec, "idNumber", `id.${result.problem}`, "error", { value: id });
        }
      }
      const info = result.ok ? result.info : result.info;
      if (!info) continue;
      // A birth date written to the month (1968.02) agrees with the ID when its month does.
      const birth = hasBirth ? ctx.date(rec, "birthDate") : null;
      if (birth !== null && !agreesWith(birth, info.birth)) {
        ctx.atCell(rec, "birthDate", "id.birthMismatch", "error", { value: ctx.dateText(rec, "birthDate", birth), fromId: toIso(info.birth) }, toIso(info.birth));
      }
      const sex = hasSex ? ctx.str(rec, "sex") : null;
      if (sex !== null && (sex === "男" || sex === "女") && sex !== info.sex) {
        ctx.atCell(rec, "sex", "id.sexMismatch", "error", { value: ctx.text(rec, "sex") || sex, fromId: info.sex }, info.sex);
      }
    }
  },
};
