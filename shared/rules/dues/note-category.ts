import type { LedgerRecord } from "../../records/build.js";
import type { RuleContext } from "../context.js";
import { DATE_IN_TEXT } from "../../notes/patterns.js";
import { readDateText } from "../../normalise/dates.js";
import { toIso } from "../../calendar/days.js";
import { titleYear } from "../../records/title-year.js";

/** What a clerk writes around a category word in 备注 (系退休人员。, 已退休): not part of the word. */
const WRAPPING = /^[\s（(]*(?:系|为|是|已)?|[\s。.；;）)]*$/g;

/**
 * The category a row's 备注 says, for a sheet with no category column: the whole note is one of the rule
 * set's words for it (退休, 退休人员 → 离退休). A note that says more (2025年10月退休) is a change, not a
 * category, and is left to the reader.
 */
export function categoryOfNote(ctx: RuleContext, rec: LedgerRecord): string | null {
  const note = ctx.str(rec, "note");
  if (note === null) return null;
  const said = note.replace(WRAPPING, "");
  if (said === "") return null;
  return ctx.ruleSet.dues.noteCategories.find((c) => c.noteIs.includes(said))?.category ?? null;
}

/** The ledger's year: a year heading over its amounts (2025年度 / 月缴纳额), else its title's. */
function ledgerYear(ctx: RuleContext): number | null {
  const heading = /((?:19|20)\d{2})\s*年/.exec(ctx.headerPathOf("standard"));
  return heading ? Number(heading[1]) : titleYear(ctx.view, ctx.headerRow);
}

/**
 * The category a 备注 says the member changed to before the ledger's year (2024年10月再就业, on a 2025 ledger:
 * 在职), from the rule set's `noteCategoryChanges`; null when the note says none, gives no date, or the change
 * falls in or after the ledger's year (a year of two categories is left as written).
 */
export function changedCategoryOfNote(ctx: RuleContext, rec: LedgerRecord): string | null {
  const note = ctx.str(rec, "note");
  if (note === null) return null;
  for (const change of ctx.ruleSet.dues.noteCategoryChanges) {
    const word = change.noteContains.find((w) => note.includes(w));
    if (!word) continue;
    const dated = new RegExp(`${DATE_IN_TEXT}\\s*(?:起|开始)?\\s*${word}`).exec(note);
    const on = dated ? readDateText(dated[1]!) : null;
    const year = ledgerYear(ctx);
    if (on === null || year === null) return null;
    return Number(toIso(on.day).slice(0, 4)) < year ? change.category : null;
  }
  return null;
}
