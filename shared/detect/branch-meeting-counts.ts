import { SheetView } from "../grid/sheet-view.js";
import { unspacedHalfWidth } from "../normalise/text.js";
import type { SheetGrid } from "../grid/types.js";
import type { RuleSet } from "../ruleset/schema.js";
import { resolveMeetingType, type MeetingRequirement } from "../scoring/meetings.js";
import type { CountSeries } from "../rules/meetings/count-series.js";
import { parseMonthHeader } from "./month-header.js";
import { figureAt, type OrgSummaryTable } from "./org-summary.js";
import type { HeaderCell } from "./header-cells.js";

/**
 * A 党委's 三会一课 summary with a row per branch: the meeting types across, each either over its
 * quarters (支部委员会（次） over 一季度…四季度) or a column of the year alone (主题党日（次）,
 * 组织生活会（次）), and 书记讲党课 for the secretary's lectures. Each branch's row becomes one
 * count series per type, judged as a count table's; a branch with fewer 正式党员 than a committee
 * needs (a 正式党员数 column says so) is not asked for 支委会.
 */
export interface BranchMeetingCounts {
  series: (CountSeries & { branch: string })[];
  /** Secretaries' lectures for the year, per branch: the cell and its count. */
  lectures: { row: number; col: number; count: number; branch: string }[];
  /** The columns read, for the report: what each was taken as. */
  read: { col: number; header: string; type: string; quarter: number | null }[];
}

const MIN_TYPES = 2;
const SECRETARY_LECTURE = /书记.*(?:讲党课|党课)/;
const FULL_MEMBERS = /正式党员/;
const MAX_COUNT = 99;
/** The type a 党小组's meetings are (the rule set's name for it), as the frequency rule names it. */
const GROUP_MEETING = "党小组会";

type Typed = { cell: HeaderCell; req: MeetingRequirement | "secretary"; quarter: number | null };

/** The branches' counts, or null when the summary's columns are not meeting counts of two types or more. */
export function readBranchMeetingCounts(sheet: SheetGrid, table: OrgSummaryTable, rules: RuleSet["meetings"]): BranchMeetingCounts | null {
  const view = new SheetView(sheet);
  const typed: Typed[] = [];
  let fullCol: number | null = null;
  for (const cell of table.columns) {
    const leaf = unspacedHalfWidth(cell.leaf);
    const group = unspacedHalfWidth(cell.group);
    if (FULL_MEMBERS.test(leaf) && group === "") {
      fullCol = cell.col;
      continue;
    }
    if (SECRETARY_LECTURE.test(group + leaf)) {
      typed.push({ cell, req: "secretary", quarter: null });
      continue;
    }
    const month = group === "" ? null : parseMonthHeader(leaf);
    if (month) {
      const req = resolveMeetingType(group, rules);
      if (!req || month.span !== 3 || (month.month - 1) % 3 !== 0) return null;
      typed.push({ cell, req, quarter: month.month });
      continue;
    }
    const req = resolveMeetingType(group + leaf, rules);
    if (req) typed.push({ cell, req, quarter: null });
  }
  const types = new Set(typed.flatMap((t) => (t.req === "secretary" ? [] : [t.req.type])));
  if (types.size < MIN_TYPES) return null;
  const out: BranchMeetingCounts = { series: [], lectures: [], read: typed.map((t) => ({ col: t.cell.col, header: t.cell.path.join(" / "), type: t.req === "secretary" ? "书记讲党课" : t.req.type, quarter: t.quarter })) };
  for (const row of table.rows) {
    const counts = new Map<number, number | null>();
    for (const t of typed) {
      const n = countAt(view, row.row, t.cell.col);
      if (n === undefined) return null;
      counts.set(t.cell.col, n);
    }
    const full = fullCol === null ? null : figureAt(view, row.row, fullCol);
    const fullMembers = full !== null && full !== "text" ? full.value : null;
    for (const req of new Set(typed.flatMap((t) => (t.req === "secretary" ? [] : [t.req])))) {
      const mine = typed.filter((t) => t.req === req);
      const quarters = mine.filter((t) => t.quarter !== null).map((t) => ({ col: t.cell.col, month: t.quarter! }));
      const yearCell = mine.find((t) => t.quarter === null);
      const values = quarters.map((q) => counts.get(q.col) ?? null);
      // 支委会 is asked of a branch with a committee: not of one whose 正式党员 are too few, nor where every cell is a dash.
      const yearCount = yearCell ? (counts.get(yearCell.cell.col) ?? null) : null;
      if (req.needsCommittee && ((fullMembers !== null && fullMembers < rules.committeeFromMembers) || (fullMembers === null && values.every((v) => v === null) && yearCount === null))) continue;
      // 党小组会 only where the branch has groups: where it counts one.
      if (req.type === GROUP_MEETING && values.every((v) => !v) && !yearCount) continue;
      out.series.push({
        row: row.row,
        req,
        branch: row.org,
        quarters,
        counts: values,
        yearCol: yearCell?.cell.col ?? null,
        year: yearCount,
        ...(quarters.length === 0 ? { yearOnly: true } : {}),
      });
    }
    for (const t of typed) if (t.req === "secretary") out.lectures.push({ row: row.row, col: t.cell.col, count: counts.get(t.cell.col) ?? 0, branch: row.org });
  }
  return out;
}

/** A count (2, "2次"), null for an empty cell or a dash, undefined for anything else. */
function countAt(view: SheetView, row: number, col: number): number | null | undefined {
  const f = figureAt(view, row, col);
  if (f === null) return null;
  if (f === "text" || f.percent || !Number.isInteger(f.value) || f.value < 0 || f.value > MAX_COUNT) return undefined;
  return f.value;
}
