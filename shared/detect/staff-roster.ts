import { headerKey } from "../normalise/text.js";
import type { ColumnProfile } from "./column-profile.js";
import { STAFF_ROSTER, type ForeignKind } from "./foreign-kinds.js";
import type { HeaderCell } from "./header-cells.js";

/**
 * A list of people whose 政治面貌 column says 群众 or 共青团员 in many rows lists staff, not Party
 * members: a roster of a branch has only 中共党员 and 中共预备党员 there. (A development register,
 * whose applicants are 群众 and 团员, is not judged by this.)
 */
const POLITICAL_STATUS = /政治面貌|政治身份/;
const NOT_PARTY = new Set(["群众", "共青团员", "团员", "中共团员", "无党派", "无党派人士", "民主党派", "共青团"]);
/** Two such rows at least, and this share of the column's cells. */
const MIN_ROWS = 2;
const MIN_SHARE = 0.1;

export function staffRosterLook(cells: readonly HeaderCell[], profiles: Map<number, ColumnProfile>): ForeignKind | null {
  for (const c of cells) {
    if (!POLITICAL_STATUS.test(headerKey(c.leaf))) continue;
    const p = profiles.get(c.col);
    if (!p || p.n === 0) continue;
    let others = 0;
    for (const [text, count] of p.texts) if (NOT_PARTY.has(text.replace(/\s+/g, ""))) others += count;
    if (others >= MIN_ROWS && others >= MIN_SHARE * p.n) return STAFF_ROSTER;
  }
  return null;
}
