import { SheetView } from "../grid/sheet-view.js";
import { unspacedHalfWidth } from "../normalise/text.js";
import type { SheetGrid } from "../grid/types.js";
import { titleYear } from "../records/title-year.js";
import { cellText } from "./header-cells.js";
import { figureAt, type Figure } from "./org-summary.js";

/**
 * One organisation's 百分制 score sheet with its assessment items down the rows (考核项目 / 考核内容 /
 * 评分标准 / 分值 / 扣分 / 得分 / 扣分说明, one row per item), as it stands: groups closed by 小计 rows,
 * a 加分项 or 减分项 block, a 合计 / 总分 row, a 等次 line under it, the organisation and year in the
 * title lines. Only a sheet that is scored (得分 or 扣分 filled in) is one: a 考核细则 with only its
 * 分值, a blank form or a plan is not read here.
 */
export interface ItemScoreSheet {
  headerRow: number;
  /** The columns left of 分值 that name the item (考核项目, 考核内容), first to last. */
  labelCols: number[];
  pointsCol: number;
  scoreCol: number | null;
  deductedCol: number | null;
  noteCol: number | null;
  /** A column of deductions stands beside the note (扣分, or one not read as such: 考核扣分): the note is then not the only record of them. */
  deductionColumn?: boolean;
  /** Each read column's header as written, for messages. */
  headers: { points: string; deducted: string; score: string; note: string };
  rows: ScoreRow[];
  /** The grade given (考核等次 好), where the sheet writes one. */
  grade: { row: number; col: number; value: string } | null;
  year: number | null;
  /** Texts above the header and under the table, with their cells: where a sheet states its bands. */
  texts: { row: number; col: number; text: string }[];
}

export type ScoreRowRole = "item" | "bonus" | "minus" | "subtotal" | "total";

export interface ScoreRow {
  row: number;
  role: ScoreRowRole;
  /** The item as named (考核项目 and 考核内容 joined), or the group's for a 小计. */
  label: string;
  /** The label of the group the row sits in (a merged 一级指标, a heading row), "" when none. */
  group: string;
  /** Where the group's label is written, when it states its points (组织建设（20分）). */
  groupCell: { row: number; col: number } | null;
  points: Figure;
  deducted: Figure;
  score: Figure;
  note: string;
}

const MAX_HEADER_ROW = 12;
const MIN_ITEMS = 3;
/** At least this share of the items carries a score or a deduction: a sheet that was scored, not a 细则. */
const SCORED_SHARE = 0.5;

const UNIT = /[（(](?:分|满分[^）)]*|\d+(?:\.\d+)?分)[）)]$/;
const ITEM_HEADER = /^(?:考核|考评|评分|评价|检查|测评)?(?:项目|内容|指标|事项|要点|类别|类目)(?:名称)?$|^[一二三]级指标$|^(?:考核|工作)(?:内容|项目)及(?:评分|考核)?(?:标准|要求)$|^工作内容$|^考核(?:内容|项目)和(?:评分)?标准$/;
const POINTS_HEADER = /^(?:分值|标准分|满分|基础分|应得分|标准分值|考核分值|权重分|赋分|分值设置)$/;
const SCORE_HEADER = /^(?:得分|实得分|考核得分|评分|评定得分|核定得分|最终得分|考评得分|检查得分|实际得分|考核组评分|考核评分|考核组评定得分)$/;
const SELF_SCORE_HEADER = /^自评(?:得分|分)?$/;
const DEDUCTED_HEADER = /^(?:扣分|扣减分|扣分值|扣除分|实扣分|扣分数|扣分分值)$/;
const NOTE_HEADER = /^(?:扣分说明|扣分原因|扣分理由|扣分情况|扣分事由|扣分依据|扣分情况说明|得分说明|评分说明|扣分及加分说明|扣加分说明|加扣分说明|考核情况|备注|说明)$/;
const NUMBER_HEADER = /^(?:序号|编号|NO\.?)$/i;
/** A sheet of many organisations or of people is read elsewhere (one row per organisation, a ledger). */
const OTHER_SUBJECT_HEADER = /姓名|名字|身份证|^(?:所属|所在)?(?:党支部|支部|党组织|党总支|单位)(?:名称|全称)?$/;
/** What the title says a score sheet is; a member's 积分 or a person's 考核 is none of an organisation's. */
const ASSESSMENT_TITLE = /考核|考评|评分|评估|评定|述职|检查/;
const NOT_ORGANISATION_TITLE = /积分|个人|姓名[:：]|干部考核|党员(?:民主)?评议|培训|计划/;

const SUBTOTAL = /^小\s*计/;
const TOTAL = /^(?:合\s*计|总\s*计|总\s*分|总得分|合计得分|最终得分|综合得分|考核总分|得分合计)/;
const BONUS = /^(?:[一二三四五六七八九十]+[、.．]\s*)?(?:加分|附加分|奖励加分|特色加分|创新加分)/;
const MINUS = /^(?:[一二三四五六七八九十]+[、.．]\s*)?(?:减分|倒扣|扣分项|否决项|一票否决)/;
const BONUS_ANYWHERE = /加分项|附加分|奖励分/;
const MINUS_ANYWHERE = /减分项|扣分项|一票否决/;
const GRADE_LABEL = /^(?:考核|评定|综合|最终)?(?:等次|等级)$|^(?:考核|评定|综合评定)(?:等次|等级|结果)/;
const GRADE_LINE = /(?:考核|评定|综合)?(?:等次|等级)\s*[:：]\s*([\u4e00-\u9fa5]{1,4})/;
const MAX_TEXT_ROWS = 8;
const MAX_LABEL = 16;

/** The sheet as an item score sheet, or null when it is none. */
export function readItemScoreSheet(sheet: SheetGrid, fileName?: string): ItemScoreSheet | null {
  const view = new SheetView(sheet);
  const last = Math.min(view.rowCount, view.firstRow + MAX_HEADER_ROW);
  for (let r = view.firstRow; r < last; r++) {
    const sheetAt = sheetAtHeader(view, r, fileName);
    if (sheetAt) return sheetAt;
  }
  return null;
}

function headerText(view: SheetView, row: number, col: number): string {
  return unspacedHalfWidth(cellText(view, row, col)).replace(UNIT, "");
}

function sheetAtHeader(view: SheetView, headerRow: number, fileName: string | undefined): ItemScoreSheet | null {
  const headers: { col: number; text: string }[] = [];
  for (let c = view.firstCol; c < view.colCount; c++) {
    const text = headerText(view, headerRow, c);
    // A header merged across columns is one header, read at its first column.
    if (text !== "" && (view.coveringMerge(headerRow, c)?.c0 ?? c) === c) headers.push({ col: c, text });
  }
  const find = (re: RegExp) => headers.filter((h) => re.test(h.text));
  const pointsCol = find(POINTS_HEADER)[0]?.col;
  if (pointsCol === undefined) return null;
  const scores = find(SCORE_HEADER);
  const scoreCol = scores.length > 0 ? scores[scores.length - 1]!.col : (find(SELF_SCORE_HEADER)[0]?.col ?? null);
  const deductedCol = find(DEDUCTED_HEADER)[0]?.col ?? null;
  if (scoreCol === null && deductedCol === null) return null;
  const labelCols = headers.filter((h) => h.col < pointsCol && !NUMBER_HEADER.test(h.text)).map((h) => h.col);
  if (!headers.some((h) => h.col < pointsCol && ITEM_HEADER.test(h.text))) return null;
  if (headers.some((h) => OTHER_SUBJECT_HEADER.test(h.text))) return null;
  const titles = textsOf(view, view.firstRow, headerRow);
  const named = [...titles.map((t) => t.text), view.name, fileName ?? ""].join(" ");
  if (!ASSESSMENT_TITLE.test(named) || NOT_ORGANISATION_TITLE.test(named)) return null;
  const noteCol = find(NOTE_HEADER).find((h) => h.col > pointsCol)?.col ?? null;
  const cols = { labelCols, pointsCol, scoreCol, deductedCol, noteCol };
  const { rows, grade, end } = rowsUnder(view, headerRow, cols);
  const items = rows.filter((r) => r.role === "item" && typeof r.points === "object" && r.points !== null);
  if (items.length < MIN_ITEMS) return null;
  const scored = items.filter((r) => isNumber(r.score) || isNumber(r.deducted)).length;
  if (scored < SCORED_SHARE * items.length) return null;
  // The grade's own row may state the bands beside it (考核等次 | 优秀 | 90分及以上为优秀…).
  const footerFrom = grade ? Math.min(end, grade.row) : end;
  const footer = textsOf(view, footerFrom, Math.min(view.rowCount, end + MAX_TEXT_ROWS));
  const texts = [...titles, ...footer];
  const written = (col: number | null) => (col === null ? "" : cellText(view, headerRow, col).replace(/\s+/g, ""));
  const names = { points: written(pointsCol), deducted: written(deductedCol), score: written(scoreCol), note: written(noteCol) };
  const deductionColumn = deductedCol !== null || headers.some((h) => h.col > pointsCol && h.col !== noteCol && /扣/.test(h.text) && !NOTE_HEADER.test(h.text));
  return { headerRow, ...cols, deductionColumn, headers: names, rows, grade: grade ?? gradeLine(texts), year: titleYear(view, headerRow), texts };
}

type Columns = Pick<ItemScoreSheet, "labelCols" | "pointsCol" | "scoreCol" | "deductedCol" | "noteCol">;

function rowsUnder(view: SheetView, headerRow: number, cols: Columns): { rows: ScoreRow[]; grade: ItemScoreSheet["grade"]; end: number } {
  const rows: ScoreRow[] = [];
  let grade: ItemScoreSheet["grade"] = null;
  // A heading row over the items (一、组织建设（20分）, 三、加分项): the group, and the block it opens.
  let heading: { label: string; cell: { row: number; col: number }; block: ScoreRowRole } | null = null;
  let r = headerRow + 1;
  for (; r < view.rowCount; r++) {
    const labels = cols.labelCols.map((c) => ({ col: c, text: unspacedHalfWidth(cellText(view, r, c)), shown: cellText(view, r, c).replace(/\s+/g, "") }));
    const own = labels.filter((l) => l.text !== "");
    const first = own[0] ?? null;
    const figures = { points: figureAt(view, r, cols.pointsCol), deducted: at(view, r, cols.deductedCol), score: at(view, r, cols.scoreCol) };
    const numbers = [figures.points, figures.deducted, figures.score].some(isNumber);
    // The grade's label may stand in the 序号 column (考核等次 | | | | 好), merged across or not.
    const gradeLabel = own.find((l) => GRADE_LABEL.test(l.text)) ?? leadingGradeLabel(view, r, cols.pointsCol);
    if (gradeLabel) {
      const value = gradeRight(view, r, gradeLabel.col);
      if (value) grade = value;
      continue;
    }
    if (!first) {
      if (!numbers && rowEmpty(view, r) && rows.length > 0) break;
      continue;
    }
    if (/^(?:注|说明|备注|填表说明)\s*[:：]/.test(first.text)) break;
    if (!numbers) {
      // A label alone opens a group (or a 加分项 block); a signature line under the table says nothing.
      if (own.length === 1 || own.every((l) => l.text === first.text)) heading = { label: first.shown, cell: mergeTop(view, r, first.col), block: BONUS.test(first.text) ? "bonus" : MINUS.test(first.text) ? "minus" : "item" };
      continue;
    }
    const role = roleOf(own.map((l) => l.text), heading?.block ?? "item");
    if (role === "total") heading = null;
    // The group: a merged 一级指标 over the item rows, else the heading row above them.
    const over = labels.length > 1 ? mergeOf(view, r, labels[0]!.col) : undefined;
    const merged = over && over.r1 > over.r0 && labels[0]!.text !== "" ? labels[0]! : null;
    const group = merged ? { label: merged.shown, cell: mergeTop(view, r, merged.col) } : heading;
    // The item by its own name: the first label that is not the group's, cut short for messages.
    const name = own.find((l) => l !== merged)?.shown ?? first.shown;
    const label = name.length > MAX_LABEL ? `${name.slice(0, MAX_LABEL)}…` : name;
    rows.push({
      row: r,
      role,
      label: role === "subtotal" || role === "total" ? (group?.label ?? label) : label,
      group: group?.label ?? "",
      groupCell: group?.cell ?? null,
      ...figures,
      note: cols.noteCol === null ? "" : cellText(view, r, cols.noteCol),
    });
  }
  return { rows, grade, end: r };
}

function roleOf(labels: string[], block: ScoreRowRole): ScoreRowRole {
  if (labels.some((t) => SUBTOTAL.test(t))) return "subtotal";
  if (labels.some((t) => TOTAL.test(t))) return "total";
  // The item's own name may say so anywhere (创新工作（加分项）); a 评分标准 beside it is not read for it.
  const name = labels[0] ?? "";
  if (labels.some((t) => BONUS.test(t)) || BONUS_ANYWHERE.test(name)) return "bonus";
  if (labels.some((t) => MINUS.test(t)) || MINUS_ANYWHERE.test(name)) return "minus";
  return block;
}

function at(view: SheetView, row: number, col: number | null): Figure {
  return col === null ? null : figureAt(view, row, col);
}

export function isNumber(f: Figure): f is { value: number; percent: boolean; decimals: number } {
  return f !== null && f !== "text";
}

function leadingGradeLabel(view: SheetView, row: number, pointsCol: number): { col: number; text: string } | undefined {
  for (let c = view.firstCol; c < pointsCol; c++) {
    const text = unspacedHalfWidth(cellText(view, row, c));
    if (text !== "") return GRADE_LABEL.test(text) ? { col: c, text } : undefined;
  }
  return undefined;
}

/** The grade written right of its label (考核等次 | | | 好). */
function gradeRight(view: SheetView, row: number, col: number): ItemScoreSheet["grade"] {
  for (let c = col + 1; c < view.colCount; c++) {
    const m = mergeOf(view, row, c);
    if (m && m === mergeOf(view, row, col)) continue;
    const text = unspacedHalfWidth(cellText(view, row, c));
    if (text !== "") return /^[\u4e00-\u9fa5]{1,4}$/.test(text) ? { row, col: c, value: text } : null;
  }
  return null;
}

/** A grade stated in a line of its own (考核等次：较好). */
function gradeLine(texts: ItemScoreSheet["texts"]): ItemScoreSheet["grade"] {
  for (const t of texts) {
    const m = GRADE_LINE.exec(unspacedHalfWidth(t.text));
    if (m) return { row: t.row, col: t.col, value: m[1]! };
  }
  return null;
}

/** The merge the cell is part of, its top-left cell included. */
function mergeOf(view: SheetView, row: number, col: number): ReturnType<SheetView["coveringMerge"]> {
  return view.mergeAt(row, col) ?? view.coveringMerge(row, col);
}

function mergeTop(view: SheetView, row: number, col: number): { row: number; col: number } {
  const m = mergeOf(view, row, col);
  return m ? { row: m.r0, col: m.c0 } : { row, col };
}

function rowEmpty(view: SheetView, r: number): boolean {
  for (let c = view.firstCol; c < view.colCount; c++) if (cellText(view, r, c) !== "") return false;
  return true;
}

function textsOf(view: SheetView, from: number, to: number): ItemScoreSheet["texts"] {
  const out: ItemScoreSheet["texts"] = [];
  for (let r = from; r < to; r++) {
    for (let c = view.firstCol; c < view.colCount; c++) {
      const text = cellText(view, r, c);
      const m = view.coveringMerge(r, c);
      if (text !== "" && (!m || (m.r0 === r && m.c0 === c))) out.push({ row: r, col: c, text });
    }
  }
  return out;
}
