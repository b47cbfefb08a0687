import { isNumber, type ItemScoreSheet, type ScoreRow } from "../../detect/item-score-sheet.js";
import { statedWhere } from "../note-texts.js";
import type { Figure } from "../../detect/org-summary.js";
import type { Lang, Severity } from "../../findings/types.js";
import { bandOf, bandsInNote, type ScoreBand } from "../../notes/score-bands.js";
import { toHalfWidth } from "../../normalise/text.js";
import { POINTS_EPSILON as EPSILON } from "./items-sum.js";
import { statedPoints } from "./stated-points.js";

export type SayItemScore = (code: string, severity: Severity, row: number, col: number, args: Record<string, string | number>, expected?: string) => void;

/** What the rule set says of a 百分制 sheet: its full marks, the grades and their bands (null: none set). */
export interface ItemScoreRules {
  fullMarks: number;
  grades: readonly string[];
  bands: readonly ScoreBand[] | null;
}

/**
 * One organisation's 百分制 score sheet, items down the rows (domain rules §5): each item's 得分 is its
 * 分值 less its 扣分 and lies between 0 and the 分值 (a 加分项 apart, capped by its own 分值 or 最高N分);
 * a 扣分说明 that states 扣N分 took N off; each 小计 and 合计 is the sum of its items (加分 added, 减分
 * taken off); the items' 分值 add up to the full marks (the sheet's own, else the rule set's); the
 * grade follows the bands the sheet states, else the rule set's. Each finding at the cell to fix.
 */
export function checkItemScores(sheet: ItemScoreSheet, rules: ItemScoreRules, lang: Lang, say: SayItemScore): void {
  const zh = lang === "zh";
  const flagged = new Set<string>();
  const at: SayItemScore = (code, severity, row, col, args, expected) => {
    const key = `${row}:${col}`;
    if (flagged.has(key)) return;
    flagged.add(key);
    say(code, severity, row, col, args, expected);
  };
  for (const r of sheet.rows) {
    if (r.role === "item") checkItem(sheet, r, at);
    else if (r.role === "bonus" || r.role === "minus") checkExtra(sheet, r, at);
  }
  checkGroups(sheet, at);
  const totals = checkTotals(sheet, rules, zh, at);
  checkGrade(sheet, rules, totals, zh, at);
}

function checkItem(sheet: ItemScoreSheet, r: ScoreRow, say: SayItemScore): void {
  const p = num(r.points);
  const d = num(r.deducted);
  const s = num(r.score);
  const item = r.label;
  if (p !== null && d !== null && Math.abs(d) > p + EPSILON) {
    say("itemScore.deductionAbovePoints", "error", r.row, sheet.deductedCol!, { item, deducted: show(Math.abs(d)), points: show(p) });
  } else if (p !== null && d !== null && s !== null && Math.abs(s - (p - Math.abs(d))) > EPSILON) {
    say("itemScore.scoreMismatch", "error", r.row, sheet.scoreCol!, { item, value: show(s), points: show(p), deducted: show(Math.abs(d)), expected: show(p - Math.abs(d)) }, show(p - Math.abs(d)));
  } else if (p !== null && s !== null && s > p + EPSILON) {
    say("points.aboveMax", "error", r.row, sheet.scoreCol!, { item, value: show(s), max: show(p) });
  } else if (s !== null && s < -EPSILON) {
    say("itemScore.negative", "error", r.row, sheet.scoreCol!, { item, value: show(s) });
  }
  if (sheet.noteCol === null || r.note === "") return;
  const said = statedPoints(r.note, "扣");
  const taken = d !== null ? Math.abs(d) : p !== null && s !== null ? p - s : null;
  if (said === null || taken === null || Math.abs(said - taken) <= EPSILON) return;
  // With no 扣分 column the note is the only record of what was taken off: the 得分 is the cell to fix
  // (分值 less the note's deductions). Beside a 扣分 column the two records disagree, and the note is said.
  if (!sheet.deductionColumn && p !== null && s !== null && sheet.scoreCol !== null && said <= p + EPSILON) {
    say("itemScore.scoreAgainstNote", "error", r.row, sheet.scoreCol, { item, note: sheet.headers.note, said: show(said), points: show(p), value: show(s), expected: show(p - said) }, show(p - said));
    return;
  }
  say("itemScore.noteDeduction", "error", r.row, sheet.noteCol, { item, note: sheet.headers.note, said: show(said), taken: show(taken) });
}

/** A 加分项 within its own 分值, its 加N分 as stated; a 减分项 within its 分值. */
function checkExtra(sheet: ItemScoreSheet, r: ScoreRow, say: SayItemScore): void {
  const p = num(r.points);
  const v = extraOf(r);
  const col = r.score !== null ? sheet.scoreCol : sheet.deductedCol;
  if (v === null || col === null) return;
  if (p !== null && Math.abs(v) > p + EPSILON) say("points.aboveMax", "error", r.row, col, { item: r.label, value: show(Math.abs(v)), max: show(p) });
  if (r.role !== "bonus" || sheet.noteCol === null || r.note === "") return;
  const said = statedPoints(r.note, "加");
  if (said !== null && Math.abs(said - v) > EPSILON) say("itemScore.noteBonus", "error", r.row, sheet.noteCol, { item: r.label, note: sheet.headers.note, said: show(said), value: show(v) });
}

/** Each 小计 against the rows since the last one; each group's stated points (组织建设（20分）) against its items. */
function checkGroups(sheet: ItemScoreSheet, say: SayItemScore): void {
  let group: ScoreRow[] = [];
  for (const r of sheet.rows) {
    if (r.role === "total") group = [];
    if (r.role !== "subtotal") {
      if (r.role !== "total") group.push(r);
      continue;
    }
    const name = (group.find((g) => g.group !== "")?.group ?? group[0]?.label ?? r.label).replace(/[（(][^（(]*分[）)]$/, "");
    compareSum(sheet, r, group, name, "itemScore.subtotalMismatch", say);
    group = [];
  }
  const byGroup = new Map<string, { cell: { row: number; col: number }; label: string; rows: ScoreRow[] }>();
  for (const r of sheet.rows) {
    if (r.role !== "item" || !r.groupCell) continue;
    const key = `${r.groupCell.row}:${r.groupCell.col}`;
    const g = byGroup.get(key) ?? { cell: r.groupCell, label: r.group, rows: [] };
    g.rows.push(r);
    byGroup.set(key, g);
  }
  for (const g of byGroup.values()) {
    const stated = /[（(](?:满分|共|计)?\s*(\d+(?:\.\d+)?)\s*分[）)]/.exec(toHalfWidth(g.label));
    const sum = sumOf(g.rows.map((r) => num(r.points)));
    if (!stated || sum === null) continue;
    const value = Number(stated[1]);
    if (Math.abs(value - sum) > EPSILON) say("itemScore.groupPoints", "error", g.cell.row, g.cell.col, { group: g.label, stated: show(value), field: sheet.headers.points, sum: show(sum) });
  }
}

/** Each total against every row above it; the items' 分值 against the full marks. What the last total should be. */
function checkTotals(sheet: ItemScoreSheet, rules: ItemScoreRules, zh: boolean, say: SayItemScore): { score: number | null; stated: number | null } {
  const items = sheet.rows.filter((r) => r.role === "item");
  let last: { score: number | null; stated: number | null } = { score: scoreSum(sheet.rows), stated: null };
  let fullChecked = false;
  for (const [i, r] of sheet.rows.entries()) {
    if (r.role !== "total") continue;
    const above = sheet.rows.slice(0, i).filter((x) => x.role !== "subtotal" && x.role !== "total");
    const mismatched = compareSum(sheet, r, above, r.label, "itemScore.totalMismatch", say);
    last = { score: scoreSum(above), stated: num(r.score) };
    // The first total closes the items; its 分值, right or wrong, is where the full marks are judged.
    if (!fullChecked && !mismatched.has("points")) checkFullMarks(sheet, items.filter((x) => x.row < r.row), rules, zh, r, say);
    fullChecked = true;
  }
  if (!fullChecked) checkFullMarks(sheet, items, rules, zh, null, say);
  return last;
}

function checkFullMarks(sheet: ItemScoreSheet, items: ScoreRow[], rules: ItemScoreRules, zh: boolean, total: ScoreRow | null, say: SayItemScore): void {
  const sum = sumOf(items.map((r) => num(r.points)));
  if (sum === null) return;
  const own = statedFullMarks(sheet, total);
  const full = own ?? rules.fullMarks;
  if (Math.abs(sum - full) <= EPSILON) return;
  const hundred = full === 100;
  const source = own !== null ? (zh ? "表中写明的" : "as the sheet states") : zh ? (hundred ? "百分制" : "规则集的") : hundred ? "a 100-point sheet" : "by the rule set";
  const row = total && num(total.points) !== null ? total.row : sheet.headerRow;
  say("itemScore.fullMarks", "error", row, sheet.pointsCol, { field: sheet.headers.points, sum: show(sum), full: show(full), source });
}

/** The full marks the sheet writes: 合计（100分）, 满分100分 in the title, 百分制. */
function statedFullMarks(sheet: ItemScoreSheet, total: ScoreRow | null): number | null {
  const label = total ? /[（(](?:满分)?\s*(\d+(?:\.\d+)?)\s*分[）)]/.exec(toHalfWidth(total.label)) : null;
  if (label) return Number(label[1]);
  for (const t of sheet.texts) {
    if (t.row > sheet.headerRow) continue;
    const m = /满分\s*(\d+(?:\.\d+)?)\s*分|(?:总分|共计)\s*(\d+(?:\.\d+)?)\s*分(?!以|及)/.exec(toHalfWidth(t.text).replace(/\s+/g, ""));
    if (m) return Number(m[1] ?? m[2]);
  }
  return null;
}

/** A 小计 or 合计 row's 分值, 扣分 and 得分 against the sum of `rows`; the fields that disagreed. */
function compareSum(sheet: ItemScoreSheet, total: ScoreRow, rows: ScoreRow[], name: string, code: string, say: SayItemScore): Set<string> {
  const wrong = new Set<string>();
  const base = rows.filter((r) => r.role === "item");
  const check = (field: "points" | "deducted" | "score", col: number | null, expected: number | null) => {
    const value = num(total[field]);
    if (col === null || value === null || expected === null || Math.abs(Math.abs(value) - Math.abs(expected)) <= EPSILON) return;
    wrong.add(field);
    say(code, "error", total.row, col, { label: name, field: sheet.headers[field], value: show(value), expected: show(expected) }, show(expected));
  };
  check("points", sheet.pointsCol, sumOf(base.map((r) => num(r.points))));
  check("deducted", sheet.deductedCol, sumOf(base.map(deductionOf)));
  check("score", sheet.scoreCol, scoreSum(rows));
  return wrong;
}

/** The rows' score: the items' 得分 (or 分值 less 扣分), plus the 加分, less the 减分; null when one is unknown. */
function scoreSum(rows: ScoreRow[]): number | null {
  let sum = 0;
  for (const r of rows) {
    if (r.role === "subtotal" || r.role === "total") continue;
    if (r.role === "item") {
      const s = scoreOf(r);
      if (s === null) return null;
      sum += s;
    } else {
      const v = extraOf(r);
      if (v !== null) sum += r.role === "bonus" ? v : -Math.abs(v);
    }
  }
  return sum;
}

function scoreOf(r: ScoreRow): number | null {
  const s = num(r.score);
  if (s !== null) return s;
  const p = num(r.points);
  const d = num(r.deducted);
  return r.score === null && p !== null && d !== null ? p - Math.abs(d) : null;
}

function deductionOf(r: ScoreRow): number | null {
  const d = num(r.deducted);
  if (d !== null) return Math.abs(d);
  const p = num(r.points);
  const s = num(r.score);
  return r.deducted === null && p !== null && s !== null ? p - s : null;
}

function extraOf(r: ScoreRow): number | null {
  return num(r.score) ?? num(r.deducted);
}

/** The fewest grades a sheet's own scale names. */
const MIN_STATED_GRADES = 2;

/** The grade against the bands: the sheet's own (注：90分以上为“好”…), else the rule set's; not checked without either. */
function checkGrade(sheet: ItemScoreSheet, rules: ItemScoreRules, totals: { score: number | null; stated: number | null }, zh: boolean, say: SayItemScore): void {
  const grade = sheet.grade;
  if (!grade) return;
  const stated = statedBands(sheet);
  const bands = stated?.bands ?? rules.bands;
  if (!bands?.some((b) => b.grade === grade.value)) {
    const allowed = stated ? [...new Set(stated.bands.map((b) => b.grade))] : rules.grades;
    if (!allowed.includes(grade.value)) say("orgAssessment.grade", "error", grade.row, grade.col, { value: grade.value, allowed: allowed.join("、") });
    return;
  }
  // A total that disagrees with its items is itself the finding: the grade is judged by what the items give.
  const byItems = totals.score !== null && totals.stated !== null && Math.abs(totals.score - totals.stated) > EPSILON;
  const score = byItems ? totals.score : (totals.stated ?? totals.score);
  if (score === null) return;
  const expected = bandOf(bands, score);
  if (expected === null || expected === grade.value) return;
  const source = statedWhere(zh ? "zh" : "en", stated);
  say(byItems ? "orgAssessment.gradeBandByItems" : "orgAssessment.gradeBand", "error", grade.row, grade.col, { value: grade.value, score: show(score), expected, source }, expected);
}

/**
 * Bands the sheet states in its own words. An office that grades 优秀/良好/一般/差 says so on its sheet, and
 * those words decide over the rule set's; a single band read from a sentence is no scale.
 */
function statedBands(sheet: ItemScoreSheet): { bands: ScoreBand[]; row: number; col: number } | null {
  for (const t of sheet.texts) {
    const bands = bandsInNote(t.text);
    if (bands && new Set(bands.map((b) => b.grade)).size >= MIN_STATED_GRADES) return { bands, row: t.row, col: t.col };
  }
  return null;
}

function sumOf(values: (number | null)[]): number | null {
  if (values.length === 0 || values.some((v) => v === null)) return null;
  return (values as number[]).reduce((a, b) => a + b, 0);
}

function num(f: Figure): number | null {
  return isNumber(f) && !f.percent ? f.value : null;
}

function show(v: number): string {
  return String(Math.round(v * 1e6) / 1e6);
}
