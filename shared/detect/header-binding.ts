import type { SheetView } from "../grid/sheet-view.js";
import { matchFields, MAX_CACHED, MIN_HEADER_SCORE, type FieldIndex, type FieldMatch } from "./field-match.js";
import { headerQualifiers, titleQualifiers } from "./header-text.js";
import { cellText, headerCells, type HeaderCell, type RowTextsMemo } from "./header-cells.js";
import { parseMonthHeader } from "./month-header.js";
import { parseYearHeader } from "./year-header.js";
import { parsePointsHeader } from "./points-header.js";
import { searchPattern } from "../template/safe-pattern.js";
import { pinnedField } from "./apply-mapping.js";
import { readHeaderCodes } from "./header-codes.js";
import type { FieldParsed } from "../template/schema.js";
import { appendAll } from "../util/append-all.js";
import { cutsHeaderMerge } from "./header-merges.js";
import { deepLeafTexts } from "./leaf-words.js";
import { unspacedHalfWidth } from "../normalise/text.js";

/**
 * The header half of recognition: which rows are the header, and which field each header
 * names, for one template. A header is one to three rows within the first MAX_HEADER_ROW
 * rows; the candidate whose headers name the template's fields best wins.
 */
const MAX_HEADER_ROW = 30;
const MAX_HEADER_HEIGHT = 3;
/** A repeating group counts once it shows this many columns: three months, or two years. */
export const MIN_REPEAT_COLUMNS = 3;
const MIN_YEAR_COLUMNS = 2;
/** A header read from the rows above the leaf ("缴费情况" + "基数") counts a little less. */
const GROUP_PENALTY = 0.95;
/** A bare month number under a group heading is a little less certain than "1月". */
const BARE_MONTH = 0.9;
/** A leaf qualified by its heading must name a field this well (folded or stemmed words) to count. */
const QUALIFIED_MIN = 0.95;

export interface HeaderHit {
  cell: HeaderCell;
  fieldIndex: number;
  score: number;
  period?: number;
  year?: number;
  /** Months the column covers from `period` on, when more than one (a quarter: 3). */
  span?: number;
  /** Named by a confirmed mapping, not by the header's words. */
  mapped?: boolean;
}

export interface HeaderCandidate {
  top: number;
  height: number;
  cells: HeaderCell[];
  hits: HeaderHit[];
  score: number;
}

/** A header's rows and cells, with the qualifiers its title rows and sheet name give every column. */
export interface HeaderRows {
  top: number;
  height: number;
  cells: HeaderCell[];
  /** Qualifiers said above the table (a title 预备党员转正情况登记表 qualifies 党委审批时间 with 转正). */
  qualifiers?: string[];
}

/** A template's own month pattern runs on RE2 (linear time: an admin's pattern cannot stall a host). */
type Exec = (text: string) => (string | undefined)[] | null;
function compileOwnPattern(pattern: string | undefined): Exec | null {
  return pattern ? searchPattern(pattern) : null;
}

const ownPatterns = new WeakMap<FieldIndex, (Exec | null)[]>();

function monthOf(index: FieldIndex, fieldIndex: number, cell: HeaderCell): { month: number; year?: number; span?: number; score: number } | null {
  const period = index.template.fields[fieldIndex]!.repeat?.period;
  if (period === "year") {
    const year = parseYearHeader(cell.leaf);
    return year === null ? null : { month: year, score: 1 };
  }
  if (period === "points") {
    const points = parsePointsHeader(cell.leaf, cell.group);
    return points === null ? null : { month: points, score: 1 };
  }
  const parsed = parseMonthHeader(cell.leaf, cell.group);
  if (parsed) return { ...parsed, score: /^\s*\d{1,2}\s*$/.test(cell.leaf) ? BARE_MONTH : 1 };
  let patterns = ownPatterns.get(index);
  if (!patterns) {
    patterns = index.template.fields.map((f) => compileOwnPattern(f.repeat?.pattern));
    ownPatterns.set(index, patterns);
  }
  const own = patterns[fieldIndex];
  const m = own ? own(cell.leaf.trim()) : null;
  const month = m ? Number(m[1]) : NaN;
  return Number.isInteger(month) && month >= 1 && month <= 12 ? { month, score: 1 } : null;
}

/**
 * Where a sheet has the months themselves, a column over several of them (一季度 beside 1月 2月 3月)
 * is their subtotal, not a payment of its own: only the months count. A quarter heading merged
 * across several columns (第一季度 over 1月 2月 3月, read without the row below) is a group
 * heading, not three quarters.
 */
function dropSubtotalSpans(months: HeaderHit[]): void {
  const single = new Set(months.filter((h) => h.span === undefined).map((h) => `${h.year ?? ""}-${h.period}`));
  const seen = new Map<string, number>();
  for (const h of months) if (h.span !== undefined) seen.set(h.cell.path.join(" "), (seen.get(h.cell.path.join(" ")) ?? 0) + 1);
  for (let i = months.length - 1; i >= 0; i--) {
    const h = months[i]!;
    if (h.span === undefined) continue;
    if ((seen.get(h.cell.path.join(" ")) ?? 0) > 1) {
      months.splice(i, 1);
      continue;
    }
    for (let m = h.period!; m < h.period! + h.span; m++) {
      if (single.has(`${h.year ?? ""}-${m}`)) {
        months.splice(i, 1);
        break;
      }
    }
  }
}

/** A 百分制's full marks add up to this. */
const HUNDRED = 100;

/**
 * Item columns headed with a bare number in brackets (组织建设（20）, 三会一课（25）…): they are a 百分制's
 * items only where, with those already read, their numbers add up to exactly 100.
 */
function bareHundredPoints(cells: HeaderCell[], fieldIndex: number, have: HeaderHit[]): HeaderHit[] {
  const taken = new Set(have.map((h) => h.cell.col));
  const more: HeaderHit[] = [];
  for (const cell of cells) {
    if (taken.has(cell.col)) continue;
    const points = parsePointsHeader(cell.leaf, cell.group, true);
    if (points !== null) more.push({ cell, fieldIndex, score: 1, period: points });
  }
  const sum = [...have, ...more].reduce((a, h) => a + h.period!, 0);
  return have.length + more.length >= MIN_REPEAT_COLUMNS && sum === HUNDRED ? more : [];
}

/** Bind header cells to one template's fields: months first, then one field per column, best match first. */
export function bindHeader(index: FieldIndex, all: HeaderCell[], titleQualifiers: readonly string[] = []): { hits: HeaderHit[]; score: number } {
  const fields = index.template.fields;
  // Columns a confirmed mapping leaves out take no field, not even a month.
  const cells = index.mapping ? all.filter((c) => pinnedField(index, c) !== "ignored") : all;
  const hits: HeaderHit[] = [];
  const taken = new Set<number>();
  let score = 0;
  fields.forEach((field, fieldIndex) => {
    if (!field.repeat) return;
    const months: HeaderHit[] = [];
    for (const cell of cells) {
      if (index.mapping && typeof pinnedField(index, cell) === "number") continue;
      const m = monthOf(index, fieldIndex, cell);
      if (m) months.push({ cell, fieldIndex, score: m.score, period: m.month, ...(m.year !== undefined ? { year: m.year } : {}), ...(m.span !== undefined ? { span: m.span } : {}) });
    }
    dropSubtotalSpans(months);
    if (field.repeat.period === "points" && months.length < MIN_REPEAT_COLUMNS) appendAll(months, bareHundredPoints(cells, fieldIndex, months));
    if (months.length < (field.repeat.period === "year" ? MIN_YEAR_COLUMNS : MIN_REPEAT_COLUMNS)) return;
    for (const h of months) taken.add(h.cell.col);
    for (const h of months) hits.push(h);
    // A group heading that names the year (2025年 over 1月…12月) is worth reading: a hair more score.
    const withYear = months.filter((h) => h.year !== undefined).length / months.length;
    score += field.weight * (months.reduce((a, h) => a + h.score, 0) / months.length) + 0.01 * withYear;
  });
  const offers: HeaderHit[] = [];
  for (const cell of cells) {
    if (taken.has(cell.col)) continue;
    const pinned = pinnedField(index, cell);
    if (typeof pinned === "number") {
      offers.push({ cell, fieldIndex: pinned, score: 1, mapped: true });
      continue;
    }
    for (const m of cellOffers(index, cell, titleQualifiers)) offers.push({ cell, fieldIndex: m.fieldIndex, score: m.score });
  }
  offers.sort((a, b) => Number(b.mapped ?? false) - Number(a.mapped ?? false) || b.score - a.score || fields[b.fieldIndex]!.weight - fields[a.fieldIndex]!.weight || a.cell.col - b.cell.col);
  const boundFields = new Set<number>();
  for (const o of offers) {
    if (taken.has(o.cell.col) || boundFields.has(o.fieldIndex)) continue;
    taken.add(o.cell.col);
    boundFields.add(o.fieldIndex);
    hits.push(o);
    score += fields[o.fieldIndex]!.weight * o.score;
  }
  hits.sort((a, b) => a.cell.col - b.cell.col);
  return { hits, score };
}

/**
 * The fields one header cell may take, best first. Worked out once per leaf, group and title
 * qualifiers: the rows tried as headers repeat their texts (a data row's 女, 正式党员, a date), and
 * the same row is tried at up to three heights.
 */
function cellOffers(index: FieldIndex, cell: HeaderCell, titleQualifiers: readonly string[]): readonly FieldMatch[] {
  const key = `${cell.leaf}\u0001${cell.group}\u0001${titleQualifiers.join("\u0002")}`;
  const cached = index.offerCache.get(key);
  if (cached) return cached;
  let matches: FieldMatch[] = matchFields(index, cell.leaf);
  // Under a heading that qualifies its columns (预备党员转正 → 上级党委审批时间), the qualified
  // name wins where the template knows it: that is the column's meaning, not the bare leaf's.
  const qualified = qualifiedMatches(index, cell, titleQualifiers);
  // The bare leaf's own fields stay as a fallback, a little behind: under 党员互评, 优秀 is not the 民主测评's 优秀.
  if (qualified.length) matches = [...qualified, ...matches.filter((m) => !qualified.some((q) => q.fieldIndex === m.fieldIndex)).map((m) => ({ ...m, score: m.score * QUALIFIED_LEAF_PENALTY }))];
  if (matches.length === 0 && cell.group !== "") {
    matches = matchFields(index, underGroup(cell.group, cell.leaf)).map((m) => ({ ...m, score: m.score * GROUP_PENALTY }));
  }
  // A short leaf of a deep header (支部大会 / 应到, 集中培训 / 起) names its column once spelled out.
  for (const text of matches.length === 0 ? deepLeafTexts(cell.path) : []) {
    matches = matchFields(index, text).map((m) => ({ ...m, score: m.score * GROUP_PENALTY }));
    if (matches.some((m) => m.score >= MIN_HEADER_SCORE)) break;
  }
  const codes = readHeaderCodes(cell.leaf)?.codes;
  const fields = index.template.fields;
  const out = matches.filter((m) => m.score >= MIN_HEADER_SCORE && !(codes && codesContradict(fields[m.fieldIndex]!, codes)));
  // A long-lived host (the Worker, the pane) sees many sheets: keep the memo bounded.
  if (index.offerCache.size >= MAX_CACHED) index.offerCache.clear();
  index.offerCache.set(key, out);
  return out;
}
/** What a leaf's bare match keeps under a heading that qualifies it: still a fallback, never ahead of an unqualified column. */
const QUALIFIED_LEAF_PENALTY = 0.97;

/** A leaf that is the whole of its group (应到会人数 over 合计); one that is part of it (其中有表决权). */
const WHOLE_LEAF = /^(合计|总计|共计|小计|总数|人数|计)$/;
const PART_LEAF = /^其中[:：]?/;

/** The name a leaf under its group heading gives: 应到会人数 / 合计 → 应到会人数; 应到会人数 / 其中有表决权 → 应到会人数有表决权. */
function underGroup(group: string, leaf: string): string {
  // A leaf spaced out to its column's width (合 计) is the same word.
  const l = unspacedHalfWidth(leaf);
  if (WHOLE_LEAF.test(l)) return group;
  return group + l.replace(PART_LEAF, "");
}

/**
 * A header's own dictionary says what its column holds: 党籍状态（1-正常 2-停止党籍） is not the
 * 正式/预备 column its words name, since none of its codes stands for a value that field takes.
 */
function codesContradict(field: FieldParsed, codes: Map<string, string>): boolean {
  const values = field.content?.values ?? field.constraints?.enum;
  if (field.type !== "string" || !values || values.length === 0) return false;
  for (const word of codes.values()) if (values.some((v) => word === v || word.includes(v))) return false;
  return true;
}

/**
 * A group heading's qualifier put into its leaf the ways clerks write the qualified name:
 * "上级党委审批时间" under 预备党员转正 is 上级党委审批转正时间 or 转正上级党委审批时间. Only
 * a close match counts, and it outranks the leaf's own. A title above the table qualifies
 * every column the same way (a 预备党员转正情况登记表's 支部大会讨论时间 is the 转正 meeting).
 */
function qualifiedMatches(index: FieldIndex, cell: HeaderCell, titleQualifiers: readonly string[]): FieldMatch[] {
  const qualifiers = new Set([...(cell.group === "" ? [] : headerQualifiers(cell.group)), ...titleQualifiers]);
  if (qualifiers.size === 0) return [];
  const out: FieldMatch[] = [];
  for (const q of qualifiers) {
    if (cell.leaf.includes(q)) continue;
    const stem = cell.leaf.replace(/(时间|日期|年月)$/, "");
    for (const text of [`${stem}${q}${cell.leaf.slice(stem.length)}`, `${q}${cell.leaf}`]) {
      for (const m of matchFields(index, text)) if (m.score >= QUALIFIED_MIN) out.push({ fieldIndex: m.fieldIndex, score: Math.min(1, m.score + 0.02) });
    }
  }
  return out.sort((a, b) => b.score - a.score);
}

function rowHasText(view: SheetView, row: number): boolean {
  for (const v of view.rowValues(row)) if (v !== null && v !== "" && !(typeof v === "string" && v.trim() === "")) return true;
  return false;
}

/** "填报单位：东湖村党支部", "填报日期：2026年1月5日": lines about the sheet, never part of a header. */
const META = /[:：]\s*\S/;

/**
 * A row that can sit above the leaf row of a header: it holds at least two distinct labels
 * (group headings, or header cells merged down). A title banner (one text across the sheet)
 * and a 填报单位 line are not header rows.
 */
function canHeadGroups(view: SheetView, row: number): boolean {
  if (isLabelValueLine(view, row)) return false;
  const texts = new Set<string>();
  for (let c = view.firstCol; c < view.colCount && texts.size < 2; c++) {
    const t = cellText(view, row, c);
    if (t !== "" && !META.test(t)) texts.add(t);
  }
  return texts.size >= 2;
}

/**
 * A line of labels each followed by its value (应到会人数 | 46 | 实到会 | 35 | 委员职数 | 5): a form's
 * cover facts, not headings over the columns below. Two labels with a number beside them say so.
 */
function isLabelValueLine(view: SheetView, row: number): boolean {
  let pairs = 0;
  let label = false;
  for (let c = view.firstCol; c < view.colCount && pairs < 2; c++) {
    const v = view.value(row, c);
    if (v === null || v === "" || (typeof v === "string" && v.trim() === "")) continue;
    if (typeof v === "number" && label) pairs++;
    label = typeof v === "string";
  }
  return pairs >= 2;
}

/** The qualifiers a row's texts say (a title row 某某预备党员转正情况登记表). */
function rowQualifiers(view: SheetView, row: number): string[] {
  const out: string[] = [];
  for (let c = view.firstCol; c < view.colCount; c++) {
    const t = cellText(view, row, c);
    if (t !== "") for (const q of titleQualifiers(t)) if (!out.includes(q)) out.push(q);
  }
  return out;
}

/** Every header candidate of the sheet: rows × heights, with their cells (shared by all templates). */
export function headerCandidates(view: SheetView): HeaderRows[] {
  const out: HeaderRows[] = [];
  const last = Math.min(view.rowCount, view.firstRow + MAX_HEADER_ROW);
  // What the sheet's name and the rows above a header say qualifies each column of that header.
  const above = new Set(titleQualifiers(view.name));
  // Each row is read as a header row in up to three candidates: its texts are worked out once.
  const texts: RowTextsMemo = new Map();
  for (let r = view.firstRow; r < last; r++) {
    if (!rowHasText(view, r)) continue;
    const qualifiers = [...above];
    for (let h = 1; h <= MAX_HEADER_HEIGHT && r + h <= view.rowCount; h++) {
      if (h > 1 && (!rowHasText(view, r + h - 1) || !canHeadGroups(view, r + h - 2))) break;
      if (cutsHeaderMerge(view, r, h, MAX_HEADER_HEIGHT)) continue;
      const cells = headerCells(view, r, h, texts);
      if (cells.length > 0) out.push({ top: r, height: h, cells, ...(qualifiers.length ? { qualifiers } : {}) });
    }
    for (const q of rowQualifiers(view, r)) above.add(q);
  }
  return out;
}

/** The best header of the sheet for one template; a taller header wins only by naming more. */
export function bestHeader(index: FieldIndex, candidates: HeaderRows[]): HeaderCandidate | null {
  let best: HeaderCandidate | null = null;
  for (const c of candidates) {
    // Group headings say what their columns are; a title qualifies only a header without them.
    const titleQualifiers = c.cells.some((cell) => cell.group !== "") ? [] : c.qualifiers;
    const { hits, score } = bindHeader(index, c.cells, titleQualifiers);
    if (hits.length === 0) continue;
    const better = !best || score > best.score + 1e-9 || (Math.abs(score - best.score) <= 1e-9 && c.height < best.height);
    if (better) best = { ...c, hits, score };
  }
  return best;
}
