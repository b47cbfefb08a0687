import type { LedgerRecord } from "../../records/build.js";
import type { RuleContext } from "../context.js";

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
