import type { SheetView } from "../grid/sheet-view.js";
import type { FieldParsed } from "../template/schema.js";
import { profileColumns, type ColumnProfile } from "./column-profile.js";
import { contentFit } from "./content-fit.js";
import { readHeaderCodes } from "./header-codes.js";
import type { FieldIndex } from "./field-match.js";
import { foreignLook } from "./foreign-look.js";
import { blankFormLook } from "./blank-form.js";
import { staffRosterLook } from "./staff-roster.js";
import { isCornerHeader, labelsAreNames } from "./corner-header.js";
import { pinnedField } from "./apply-mapping.js";
import { marksTemplate } from "./form-mark.js";
import { bestHeader, headerCandidates, type HeaderCandidate } from "./header-binding.js";
import type { ColumnBinding, EvidenceSource, HeaderLayout, UnboundColumn } from "./layout.js";
import { contextMentions, sheetContext, type SheetContext } from "./sheet-context.js";
import { minOf } from "../util/append-all.js";

/**
 * Which ledger a sheet is, and where its table is, from two kinds of evidence: what the
 * headers say (bindHeader) and what the cells under them hold (profileColumns). A column
 * whose header says 入党时间 and whose cells are dates is sure; one whose cells are names
 * is not; a column with no known header but 18-digit IDs that pass their check is the ID
 * column. A template is recognised only when its required and distinctive fields are found
 * with confidence, and no kind of sheet that is not ours fits better.
 */
export interface RecogniseOptions {
  fileName?: string;
  /** Texts a field's content kind accepts (e.g. meeting types of the rule set in force). */
  knownValues?: (kind: "personName" | "meetingType", text: string) => boolean;
}

/** A field counts as found when its column is at least this sure. */
export const FOUND_CONFIDENCE = 0.5;
/** Header found but no content to judge it by: fairly sure. */
const NO_CONTENT = 0.85;
/** A header word for the ledger in the sheet's name, title or file name. */
const TITLE_BONUS = 1;
/** Where only the file's name names the kind. */
const FILE_NAME_BONUS = 0.5;
/** The title row of a form made from this very template version (「模板 roster 第 3 版」). */
const FORM_MARK_BONUS = 2;
/** Content alone: at most this sure of a column with an unknown header. */
const CONTENT_ONLY_MAX = 0.75;
/**
 * A few cells say little: the content's fit is weighed against a neutral prior as if that
 * prior were PRIOR_CELLS cells, so one mistyped value never unnames a column whose header
 * is plain, while a hundred cells of the wrong kind do.
 */
const PRIOR_CELLS = 3;
/** Header scores from here up name the field in full (same words, folded, or without remarks). */
const WHOLE_NAME = 0.95;

function contentFactor(fit: number | null, n: number): number {
  if (fit === null) return NO_CONTENT;
  const blended = (fit * n + NO_CONTENT * PRIOR_CELLS) / (n + PRIOR_CELLS);
  return 0.4 + 0.6 * blended;
}

/** Most cells of a numeric column are names or lists of names: the header names who, not how many. */
const NAMES_SHARE = 0.5;
function namesNotCount(field: FieldParsed, p: ColumnProfile): boolean {
  const numeric = field.type === "integer" || field.type === "number" || field.type === "money";
  return numeric && p.n >= 2 && p.names + p.nameLists >= NAMES_SHARE * p.n && p.numbers + p.numericText < NAMES_SHARE * p.n;
}

/** Fields that content alone can name: their cells say what they are. */
function contentSignature(field: FieldParsed): boolean {
  return field.type === "idNumber" || field.type === "phone" || (field.type === "string" && (field.constraints?.enum !== undefined || (field.content?.values?.length ?? 0) > 0));
}

function fitOf(field: FieldParsed, p: ColumnProfile | undefined, opts: RecogniseOptions): number | null {
  if (!p) return null;
  const kind = field.content?.kind;
  const known = kind && opts.knownValues ? (t: string) => opts.knownValues!(kind, t) : undefined;
  return contentFit(field, p, known);
}

function sourceOf(headerScore: number, fit: number | null): EvidenceSource {
  return fit !== null && fit >= 0.8 && headerScore >= 0.6 ? "both" : "header";
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function headerLabel(path: string[]): string {
  return path.join(" / ");
}

/**
 * The score a sheet needs: the template's minScore, or, for a small template (a department's own
 * form of three columns), three quarters of all it can score — finding nearly every column of a
 * small template is evidence enough.
 */
function neededScore(t: FieldIndex["template"]): number {
  const total = t.fields.reduce((a, f) => a + f.weight, 0);
  return Math.min(t.minScore, SMALL_TEMPLATE_SHARE * total);
}
const SMALL_TEMPLATE_SHARE = 0.75;

/**
 * A sheet whose columns a person mapped to this template (two at least, every required one among
 * them) is this template: they said so, whatever the score of a small form.
 */
function confirmedEnough(t: FieldIndex["template"], columns: ColumnBinding[]): boolean {
  const mapped = new Set(columns.filter((c) => c.mapped).map((c) => t.fields[c.fieldIndex]!.name));
  return mapped.size >= 2 && t.requiredHeaders.every((n) => mapped.has(n));
}

/** Header evidence + content evidence → the layout of one template on this sheet. */
/** Profiles of a sheet's columns below a header row, shared by every template that chose that row. */
type ProfileCache = Map<number, Map<number, ColumnProfile>>;

function evaluate(view: SheetView, index: FieldIndex, cand: HeaderCandidate, ctx: SheetContext, opts: RecogniseOptions, cache: ProfileCache): HeaderLayout {
  const t = index.template;
  const fields = t.fields;
  const firstDataRow = cand.top + cand.height;
  const allCols: number[] = [];
  for (let c = view.firstCol; c < view.colCount; c++) allCols.push(c);
  let profiles = cache.get(firstDataRow);
  if (!profiles) {
    profiles = profileColumns(view, allCols, firstDataRow, headerCodesByCol(cand));
    cache.set(firstDataRow, profiles);
  }
  const columns: ColumnBinding[] = [];
  const boundCols = new Set<number>();
  const boundFields = new Set<number>();
  let score = 0;
  const repeatConf = new Map<number, number[]>();
  for (const hit of cand.hits) {
    const field = fields[hit.fieldIndex]!;
    const profile = profiles.get(hit.cell.col);
    const fit = fitOf(field, profile, opts);
    // A column a person confirmed is that field, whatever its cells hold (they are checked, not doubted).
    const confidence = hit.mapped ? 1 : round2(hit.score * contentFactor(fit, profile?.n ?? 0));
    // A header that only contains a field's name ("缺席人员" holds 缺席) whose cells say
    // otherwise is not that field: leave it unassigned rather than report its cells as wrong.
    if (hit.score < WHOLE_NAME && confidence < FOUND_CONFIDENCE) continue;
    // A count (实到委员) whose cells are people's names is the list of those people, not a number.
    if (!hit.mapped && profile && namesNotCount(field, profile)) continue;
    columns.push({
      ...(hit.mapped ? { mapped: true } : {}),
      fieldIndex: hit.fieldIndex,
      col: hit.cell.col,
      header: headerLabel(hit.cell.path),
      ...(hit.period !== undefined ? { period: hit.period } : {}),
      ...(hit.year !== undefined ? { year: hit.year } : {}),
      ...(hit.span !== undefined ? { span: hit.span } : {}),
      confidence,
      source: sourceOf(hit.score, fit),
    });
    boundCols.add(hit.cell.col);
    boundFields.add(hit.fieldIndex);
    if (field.repeat) repeatConf.set(hit.fieldIndex, [...(repeatConf.get(hit.fieldIndex) ?? []), confidence]);
    else score += field.weight * confidence;
  }
  for (const [fieldIndex, confs] of repeatConf) score += fields[fieldIndex]!.weight * (confs.reduce((a, b) => a + b, 0) / confs.length);

  // Columns no header named: their content may still say what they are (IDs, phones, 男/女).
  const headerText = new Map(cand.cells.map((c) => [c.col, c]));
  const ignored = new Set(index.mapping ? cand.cells.filter((c) => pinnedField(index, c) === "ignored").map((c) => c.col) : []);
  for (const col of allCols) {
    if (boundCols.has(col) || ignored.has(col)) continue;
    const p = profiles.get(col);
    if (!p || p.n < 2) continue;
    let best: { fieldIndex: number; fit: number } | null = null;
    // Under a corner header (项目, 月份\姓名) a column of people's names is the name column.
    const corner = isCornerHeader(headerText.get(col)?.leaf ?? "") && labelsAreNames(p);
    fields.forEach((field, fieldIndex) => {
      if (field.repeat || boundFields.has(fieldIndex) || !(contentSignature(field) || (corner && field.content?.kind === "personName"))) return;
      const fit = fitOf(field, p, opts);
      if (fit !== null && fit >= 0.9 && (!best || fit > best.fit)) best = { fieldIndex, fit };
    });
    if (!best) continue;
    const { fieldIndex, fit } = best as { fieldIndex: number; fit: number };
    const confidence = round2(CONTENT_ONLY_MAX * fit);
    const cell = headerText.get(col);
    columns.push({ fieldIndex, col, header: cell ? headerLabel(cell.path) : "", confidence, source: "content" });
    boundCols.add(col);
    boundFields.add(fieldIndex);
    score += fields[fieldIndex]!.weight * confidence;
  }
  columns.sort((a, b) => a.col - b.col);
  const unbound: UnboundColumn[] = cand.cells.filter((c) => !boundCols.has(c.col)).map((c) => ({ col: c.col, header: headerLabel(c.path), ...(ignored.has(c.col) ? { ignored: true } : {}) }));

  const ownTitle = contextMentions(ctx, t.titleWords) !== null;
  // The sheet's own title and name say more than its file's name (a book's file names every ledger in it).
  if (ownTitle) score += contextMentions({ ...ctx, fileName: "" }, t.titleWords) !== null ? TITLE_BONUS : FILE_NAME_BONUS;
  if (marksTemplate(ctx, t)) score += FORM_MARK_BONUS;

  const sure = new Map<string, number>();
  for (const b of columns) {
    const name = fields[b.fieldIndex]!.name;
    sure.set(name, Math.max(sure.get(name) ?? 0, b.confidence));
  }
  const found = (name: string) => (sure.get(name) ?? 0) >= FOUND_CONFIDENCE;
  const standIn = (n: string) => (t.requiredStandIns[n] ?? []).find(found);
  const missingRequired = t.requiredHeaders.filter((n) => !found(n) && !standIn(n));
  const missingDistinctive = t.distinctive.filter((d) => d.of.filter(found).length < d.min);
  // A department's own form is whatever it is: no look-alike test for it.
  const foreign = t.kind === "form" ? null : ((t.kind === "roster" ? staffRosterLook(cand.cells, profiles) : null) ?? blankFormLook(t.kind, fields, columns, profiles) ?? foreignLook(cand.cells, profiles, ctx, score, ownTitle));
  // The sheet's own title or name, not its file's: a book's file name may name its other sheets.
  const otherTitle = contextMentions({ ...ctx, fileName: "" }, t.otherTitleWords);
  const required = t.requiredHeaders.map((n) => sure.get(n) ?? sure.get(standIn(n) ?? "") ?? 0);
  const coreConf = required.length > 0 ? minOf(required) : 1;
  const coverage = Math.min(1, score / Math.max(1, 1.5 * t.minScore));
  const confidence = foreign ? 0 : round2(coreConf * (0.5 + 0.5 * coverage));
  return {
    index,
    headerTop: cand.top,
    headerRow: cand.top + cand.height - 1,
    firstDataRow,
    columns,
    unbound,
    score: round2(score),
    confidence,
    missingRequired,
    missingDistinctive,
    foreign,
    ...(otherTitle ? { otherTitle } : {}),
    acceptable: (score >= neededScore(t) || confirmedEnough(t, columns)) && missingRequired.length === 0 && missingDistinctive.length === 0 && foreign === null && otherTitle === null,
  };
}

/** The code lists the header's leaves carry, by column (the leaf row is the one above the data, whatever the candidate). */
function headerCodesByCol(cand: HeaderCandidate): Map<number, Map<string, string>> | undefined {
  let out: Map<number, Map<string, string>> | undefined;
  for (const c of cand.cells) {
    const codes = readHeaderCodes(c.leaf)?.codes;
    if (codes) (out ??= new Map()).set(c.col, codes);
  }
  return out;
}

/** The layout of one template on the sheet (the best header for it), or null when no header names any of its fields. */
export function layoutFor(view: SheetView, index: FieldIndex, opts: RecogniseOptions = {}, candidates = headerCandidates(view), cache: ProfileCache = new Map()): HeaderLayout | null {
  const cand = bestHeader(index, candidates);
  if (!cand) return null;
  return evaluate(view, index, cand, sheetContext(view, cand.top, opts.fileName), opts, cache);
}

/** The template a sheet is: the best-scoring acceptable layout; ties go to the template listed first. */
export function recogniseSheet(view: SheetView, indexes: FieldIndex[], opts: RecogniseOptions = {}): { best: HeaderLayout | null; candidates: HeaderLayout[] } {
  const candidates = headerCandidates(view);
  const cache: ProfileCache = new Map();
  const layouts: HeaderLayout[] = [];
  for (const index of indexes) {
    const layout = layoutFor(view, index, opts, candidates, cache);
    if (layout) layouts.push(layout);
  }
  layouts.sort((a, b) => Number(b.acceptable) - Number(a.acceptable) || b.score - a.score);
  const best = layouts.find((l) => l.acceptable) ?? null;
  return { best, candidates: layouts };
}
