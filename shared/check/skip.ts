import type { SheetView } from "../grid/sheet-view.js";
import type { SkipReason } from "../findings/types.js";

/** A sheet named for instructions: 填表说明, 注意事项, 使用须知, README. */
const INSTRUCTION_NAME = /说明|须知|注意事项|帮助|指南|readme|instructions?/i;
/** Cells of instructions are sentences, not values. */
const SENTENCE_LENGTH = 15;
const MAX_INSTRUCTION_CELLS = 40;

function hasContent(view: SheetView): boolean {
  for (let r = view.firstRow; r < view.rowCount; r++) {
    for (const v of view.rowValues(r)) if (v !== null && !(typeof v === "string" && v.trim() === "")) return true;
  }
  return false;
}

/** Only sentences, in few cells: a sheet of instructions rather than a table. */
function onlyInstructions(view: SheetView): boolean {
  let cells = 0;
  let sentences = 0;
  for (let r = view.firstRow; r < view.rowCount && cells <= MAX_INSTRUCTION_CELLS; r++) {
    for (const v of view.rowValues(r)) {
      if (v === null || (typeof v === "string" && v.trim() === "")) continue;
      cells++;
      if (typeof v === "string" && (v.trim().length >= SENTENCE_LENGTH || /^[\d一二三四五六七八九十]+[、.．]/.test(v.trim()))) sentences++;
    }
  }
  return cells > 0 && cells <= MAX_INSTRUCTION_CELLS && sentences * 2 >= cells;
}

/**
 * Why a sheet is not to be checked at all: hidden (unless a template was chosen for it),
 * empty, or instructions. "instructions" is only a candidate: it applies when the sheet also
 * fits no template.
 */
export function skipReasonOf(view: SheetView, forced: boolean): SkipReason | null {
  if (view.grid.hidden && !forced) return "hidden";
  if (!hasContent(view)) return "empty";
  if (INSTRUCTION_NAME.test(view.name) || onlyInstructions(view)) return "instructions";
  return null;
}
