import { a1 } from "../grid/a1.js";
import { isCellError, type SheetGrid } from "../grid/types.js";
import { unspacedHalfWidth } from "../normalise/text.js";

/** What a count of the roster's members counts. */
export type CountOf = "members" | "full" | "probationary";

export interface NoteCount {
  sheet: string;
  cell: string;
  label: string;
  of: CountOf;
  value: number;
}

/** The labels of a 说明 (or 基本情况) sheet's counts of members, with 其中：/ 其中 and spaces taken off. */
const LABELS: Record<string, CountOf> = { 党员总数: "members", 党员人数: "members", 党员总人数: "members", 正式党员: "full", 正式党员人数: "full", 预备党员: "probationary", 预备党员人数: "probationary" };
/** A note of counts names at least this many of them (one number alone may be anything). */
const MIN_COUNTS = 2;

/**
 * A cover note of a branch's book (说明: 党员总数 | 19, 其中：正式党员 | 18, 预备党员 | 2): each label
 * with the whole number in the cell to its right. Null when the sheet holds fewer such counts.
 */
export function readNoteCounts(grid: SheetGrid): NoteCount[] | null {
  const origin = grid.origin ?? { row: 0, col: 0 };
  const out: NoteCount[] = [];
  grid.values.forEach((row, i) => {
    for (let j = 0; j + 1 < row.length; j++) {
      const label = row[j];
      const value = row[j + 1];
      if (typeof label !== "string" || isCellError(label) || typeof value !== "number" || !Number.isInteger(value) || value < 0) continue;
      const key = unspacedHalfWidth(label).replace(/^其中[:：]?/, "").replace(/[:：]$/, "");
      const of = LABELS[key];
      if (of) out.push({ sheet: grid.name, cell: a1(origin.row + i, origin.col + j + 1), label: key, of, value });
    }
  });
  return out.length >= MIN_COUNTS ? out : null;
}
