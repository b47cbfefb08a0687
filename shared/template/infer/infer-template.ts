import { profileColumns, type ColumnProfile } from "../../detect/column-profile.js";
import { contentFit } from "../../detect/content-fit.js";
import { buildFieldIndex, matchFields, type FieldIndex } from "../../detect/field-match.js";
import { headerCells, type HeaderCell } from "../../detect/header-cells.js";
import { headerKeys } from "../../detect/header-text.js";
import { recogniseSheet } from "../../detect/recognise.js";
import { columnLetters } from "../../grid/a1.js";
import { SheetView } from "../../grid/sheet-view.js";
import { isCellError, type SheetGrid } from "../../grid/types.js";
import { cleanText } from "../../normalise/text.js";
import { allowedValuesByColumn } from "../../records/list-validations.js";
import { classifyRow } from "../../rows/classify-row.js";
import { RULES } from "../../rules/registry.js";
import { BUILTIN_TEMPLATES } from "../builtin/index.js";
import { Template, type Field, type FieldParsed, type RuleRef, type TemplateParsed } from "../schema.js";
import { inferColumnType } from "./column-type.js";
import { findFormHeader } from "./form-header.js";

/**
 * A template proposed from a department's existing form (`party-ledger template infer`, the pane's
 * 「从此表生成模板」): one field per header column, titled and aliased with the form's own words,
 * typed from the header and the cells, with the form's drop-down lists (or a small set of values
 * seen many times) as allowed values, required where the form says 必填 (a hint row, a star, or a
 * red header), unique where many rows never repeat. A column that is one of the engine's known
 * fields (身份证号码, 入党时间, 缴费基数 …) becomes that field, so the shared rules apply to it, and a
 * form the engine recognises as one of its ledgers keeps that ledger's kind and rules.
 */
export interface InferOptions {
  /** The template's id (lowercase letters, digits, hyphens); from the file name when absent. */
  id?: string;
  title?: string;
  fileName?: string;
  /** Cells written in red near the top (0-based), as far as the host can see fonts (red-headers.ts). */
  redCells?: readonly { row: number; col: number }[];
  /** The templates whose fields a column may be (the built-in ones by default). */
  known?: TemplateParsed[];
}

export interface InferredColumn {
  column: string;
  header: string;
  field: string;
  type: FieldParsed["type"];
  /** The built-in field it was taken as, `template.field`, when it is one, and that field's title. */
  known: string | null;
  knownTitle: string | null;
  /** Why it is required: 必填 row, star, red header; empty when it is not. */
  required: ("hint" | "star" | "red" | "known")[];
  /** Where its allowed values came from. */
  allowed: "list" | "values" | "header" | "known" | null;
  unique: boolean;
}

export interface InferredTemplate {
  template: TemplateParsed;
  /** 1-based rows of the header. */
  headerRows: { first: number; last: number };
  columns: InferredColumn[];
  /** The built-in ledger the form is, when the engine recognises it as one. */
  ledger: { id: string; kind: string } | null;
}

export class InferError extends Error {
  constructor(
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(messageEn);
  }
}

const STAR = /^[*＊※]|[*＊※]$/;
const REQUIRED_WORDS = /[（(]\s*必填\s*[）)]|^必填/;
const MAX_ENUM = 200;
/** The longest header the engine reads as a header (detect/field-match.ts). */
const MAX_TITLE = 40;
const SMALL_SET = { minRows: 8, maxDistinct: 6, minRepeats: 2 };
const UNIQUE_MIN_ROWS = 5;
/** Known fields: the form's header names the field whole (same words, folded, or without remarks). */
const KNOWN_SCORE = 0.95;
/** Rules of a recognised ledger that need no column of their own stay; the others need theirs. */
const ALWAYS_RULES = new Set(["id.number"]);

function titleOf(header: string): string {
  return cleanText(header.replace(/[*＊※]/g, "").replace(/[（(]\s*(?:必填|选填)\s*[）)]/g, "")).replace(/[:：]$/, "");
}

/**
 * A header that writes its rules into itself (「使用类别（1因私出国（境） 2因公赴台 …）」) is too long to
 * head a column: the words before the remark head it, the remark goes into the column's note.
 */
function shortTitle(text: string): { title: string; description?: string } {
  if (text.length <= MAX_TITLE) return { title: text };
  const m = /^([^（(]{1,40}?)\s*[（(]([\s\S]*)$/.exec(text);
  if (m) return { title: m[1]!.trim(), description: m[2]!.replace(/[）)]\s*$/, "").trim().slice(0, 500) };
  return { title: text.slice(0, MAX_TITLE), description: text.slice(0, 500) };
}

function fileTitle(fileName: string | undefined): string {
  if (!fileName) return "";
  return fileName
    .replace(/^.*[\\/]/, "")
    .replace(/\.[a-z0-9]{2,4}$/i, "")
    .replace(/^\[[^\]]*\]/, "")
    .replace(/\s*-\s*$/, "")
    .replace(/(?:批量)?(?:导入|录入|填报)?(?:样表|模板|模版|表格|导入表)$/, "")
    .trim();
}

function idFrom(fileName: string | undefined, title: string): string {
  const bracket = /\[(?:sample_)?([A-Za-z0-9_]+)\]/.exec(fileName ?? "")?.[1];
  const ascii = (bracket ?? (fileName ?? "").replace(/\.[a-z0-9]{2,4}$/i, ""))
    .replace(/([a-z])([A-Z])/g, "$1-$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48);
  if (/^[a-z0-9]/.test(ascii)) return ascii;
  // A Chinese name: a short stable hash of the title, so the same form gives the same id.
  let h = 2166136261;
  for (const ch of title || "form") h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0;
  return `form-${h.toString(36)}`;
}

function firstTitle(view: SheetView, top: number): string {
  for (let r = view.firstRow; r < top; r++) {
    for (const v of view.rowValues(r)) if (typeof v === "string" && cleanText(v) !== "" && !/[:：]/.test(v)) return cleanText(v);
  }
  return "";
}

/** Per column, what the hint rows just under the header say (必填, 选填, 与系统内名称一致 …). */
function hintRows(view: SheetView, firstDataRow: number): { hints: Map<number, string>; rows: number } {
  const hints = new Map<number, string>();
  let rows = 0;
  for (let r = firstDataRow; r < Math.min(view.rowCount, firstDataRow + 3); r++) {
    if (classifyRow(view, r, r - firstDataRow) !== "instruction") break;
    rows++;
    for (let c = view.firstCol; c < view.colCount; c++) {
      const v = view.value(r, c);
      if (typeof v === "string" && v.trim() !== "") hints.set(c, (hints.get(c) ? `${hints.get(c)} ` : "") + v.trim());
    }
  }
  return { hints, rows };
}

function distinctTexts(view: SheetView, col: number, from: number): { values: Map<string, number>; rows: number } {
  const values = new Map<string, number>();
  let rows = 0;
  for (let r = from; r < view.rowCount; r++) {
    if (classifyRow(view, r, r - from) !== "data") continue;
    const v = view.merged(r, col);
    if (v === null || isCellError(v)) continue;
    const t = cleanText(String(v));
    if (t === "") continue;
    rows++;
    values.set(t, (values.get(t) ?? 0) + 1);
  }
  return { values, rows };
}

interface KnownMatch {
  field: FieldParsed;
  template: TemplateParsed;
  score: number;
  /** The header is the field's own title (not one of its aliases): it names that field first. */
  byTitle: boolean;
  /** Position of the template in the search order: the recognised ledger's own fields come first. */
  order: number;
}

/** Every known field a header names whole, whose cells (where there are some) do not say otherwise. */
function knownFieldsOf(indexes: FieldIndex[], cell: HeaderCell, profile: ColumnProfile | undefined): KnownMatch[] {
  const out: KnownMatch[] = [];
  const key = headerKeys(cell.leaf).exact;
  indexes.forEach((index, order) => {
    for (const m of matchFields(index, cell.leaf)) {
      if (m.score < KNOWN_SCORE) continue;
      const field = index.template.fields[m.fieldIndex]!;
      if (field.repeat) continue;
      const fit = profile && profile.n > 0 ? contentFit(field, profile) : null;
      if (fit !== null && fit < 0.5) continue;
      out.push({ field, template: index.template, score: m.score, byTitle: headerKeys(field.title).exact === key, order });
    }
  });
  return out;
}

/**
 * Known fields for the header cells, one field per column and one column per field: the best
 * claims first (a header that is a field's own title before one that is its alias, a closer
 * wording before a looser one, the recognised ledger's fields before another's), so that
 * 所在党支部 is the branch and 所在分党委, only an alias of it in some template, is not.
 */
function assignKnown(indexes: FieldIndex[], cells: HeaderCell[], profiles: Map<number, ColumnProfile>): Map<number, KnownMatch> {
  const claims = cells.flatMap((cell) => knownFieldsOf(indexes, cell, profiles.get(cell.col)).map((m) => ({ col: cell.col, m })));
  claims.sort((a, b) => Number(b.m.byTitle) - Number(a.m.byTitle) || b.m.score - a.m.score || a.m.order - b.m.order || a.col - b.col);
  const byCol = new Map<number, KnownMatch>();
  const taken = new Set<string>();
  for (const { col, m } of claims) {
    if (byCol.has(col) || taken.has(m.field.name)) continue;
    byCol.set(col, m);
    taken.add(m.field.name);
  }
  return byCol;
}

/**
 * A known field brings its aliases; none of them may be another column's header, or that column
 * would be read as this field (an alias 所在党支部 on the field of the 所在分党委 column).
 */
function withoutShadowing(fields: Field[]): void {
  const titles = new Set(fields.map((f) => headerKeys(f.title).exact));
  for (const f of fields) {
    const own = headerKeys(f.title).exact;
    f.aliases = (f.aliases ?? []).filter((a) => {
      const k = headerKeys(a).exact;
      return k === own || !titles.has(k);
    });
  }
}

function uniqueName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let i = 2; taken.has(name); i++) name = `${wanted}${i}`;
  taken.add(name);
  return name;
}

export function inferTemplate(sheet: SheetGrid, opts: InferOptions = {}): InferredTemplate {
  const view = new SheetView(sheet);
  const known = opts.known ?? BUILTIN_TEMPLATES;
  const all = known.map((t) => buildFieldIndex(t));
  const recognised = recogniseSheet(view, all, opts.fileName ? { fileName: opts.fileName } : {}).best;
  // The ledger's own fields first: a recognised meetings register's 应到人数 is its own, not a vote's.
  const indexes = recognised ? [recognised.index, ...all.filter((i) => i !== recognised.index)] : all;
  const found = recognised ? { top: recognised.headerTop, height: recognised.headerRow - recognised.headerTop + 1 } : findFormHeader(view);
  if (!found) throw new InferError(`工作表「${sheet.name}」里找不到表头，无法生成模板`, `No header row found on sheet "${sheet.name}": no template can be made from it`);
  const cells = headerCells(view, found.top, found.height);
  if (cells.length === 0) throw new InferError(`工作表「${sheet.name}」的表头是空的`, `The header of sheet "${sheet.name}" is empty`);
  const headerEnd = found.top + found.height;
  const { hints, rows: hintCount } = hintRows(view, headerEnd);
  const firstDataRow = headerEnd + hintCount;
  const profiles = profileColumns(view, cells.map((c) => c.col), firstDataRow);
  const lists = allowedValuesByColumn(view, headerEnd);
  const red = new Set((opts.redCells ?? []).filter((c) => c.row >= found.top && c.row < headerEnd).map((c) => c.col));
  const names = new Set<string>();
  const knownOf = assignKnown(indexes, cells, profiles);
  const fields: Field[] = [];
  const columns: InferredColumn[] = [];

  for (const cell of cells) {
    const raw = cell.path.join(" ");
    const { title, description } = shortTitle(titleOf(cell.path.length > 1 ? cell.path.join("") : cell.leaf) || cell.leaf);
    const profile = profiles.get(cell.col);
    const useKnown = knownOf.get(cell.col) ?? null;
    const inferred = inferColumnType(cell.leaf, profile);
    const base: Field = useKnown
      ? { ...structuredClone(useKnown.field), title, aliases: [...new Set([useKnown.field.title, ...useKnown.field.aliases, ...(raw !== title ? [raw] : [])])].filter((a) => a !== title) }
      : { name: `col${columnLetters(cell.col)}`, title, type: inferred.type, aliases: raw !== title ? [raw] : [], weight: 1 };
    base.name = uniqueName(base.name, names);
    if (description) base.description = description;
    const constraints = { ...(base.constraints ?? {}) };
    const required: InferredColumn["required"] = [];
    const hint = hints.get(cell.col) ?? "";
    if (/^必填|必填$/.test(hint) && !/非必填|选填/.test(hint)) required.push("hint");
    if (STAR.test(cell.leaf.trim()) || REQUIRED_WORDS.test(cell.leaf)) required.push("star");
    if (red.has(cell.col)) required.push("red");
    if (useKnown?.field.constraints?.required) required.push("known");
    if (required.length) constraints.required = true;
    // Allowed values: the form's drop-down list first, then what the header implies, then a small set seen often.
    let allowed: InferredColumn["allowed"] = useKnown?.field.constraints?.enum ? "known" : null;
    const list = lists.get(cell.col);
    const type = base.type;
    if (type === "string" && list && list.size > 0 && list.size <= MAX_ENUM) {
      constraints.enum = [...list];
      allowed = "list";
    } else if (type === "string" && !constraints.enum && inferred.enumFromHeader) {
      constraints.enum = inferred.enumFromHeader;
      allowed = "header";
    }
    const seen = distinctTexts(view, cell.col, firstDataRow);
    if (type === "string" && !constraints.enum && seen.rows >= SMALL_SET.minRows && seen.values.size <= SMALL_SET.maxDistinct && [...seen.values.values()].every((n) => n >= SMALL_SET.minRepeats)) {
      constraints.enum = [...seen.values.keys()];
      allowed = "values";
    }
    if (constraints.enum && base.valueAliases) {
      // A known field's spellings only where they end in a value the form allows.
      base.valueAliases = Object.fromEntries(Object.entries(base.valueAliases).filter(([, to]) => constraints.enum!.includes(to)));
    }
    let unique = constraints.unique === true;
    if (!unique && seen.rows >= UNIQUE_MIN_ROWS && seen.values.size === seen.rows && (type === "string" || type === "idNumber" || type === "phone") && !base.content?.kind) {
      constraints.unique = unique = true;
    }
    if (Object.keys(constraints).length) base.constraints = constraints;
    else delete base.constraints;
    fields.push(base);
    columns.push({ column: columnLetters(cell.col), header: raw, field: base.name, type, known: useKnown ? `${useKnown.template.id}.${useKnown.field.name}` : null, knownTitle: useKnown?.field.title ?? null, required, allowed, unique });
  }

  withoutShadowing(fields);
  const title = opts.title ?? (firstTitle(view, found.top) || fileTitle(opts.fileName) || sheet.name);
  const names2 = new Set(fields.map((f) => f.name));
  const ledger = recognised ? recognised.index.template : null;
  const rules: RuleRef[] = [];
  if (ledger) {
    for (const ref of ledger.rules) if (RULES[ref.rule]?.needs.every((n) => names2.has(n))) rules.push(structuredClone(ref));
  } else {
    for (const rule of ALWAYS_RULES) if (RULES[rule]!.needs.every((n) => names2.has(n))) rules.push({ rule });
  }
  const requiredHeaders = ledger ? ledger.requiredHeaders.filter((n) => names2.has(n)) : fields.filter((f) => f.constraints?.required).map((f) => f.name);
  const id = opts.id ?? idFrom(opts.fileName, title);
  const template = Template.parse({
    id,
    version: 1,
    kind: ledger?.kind ?? "form",
    title,
    titleEn: ledger ? ledger.titleEn : `Form ${id}`,
    fields,
    rules,
    minScore: 3,
    requiredHeaders,
    distinctive: ledger ? ledger.distinctive.filter((d) => d.of.filter((n) => names2.has(n)).length >= d.min) : [],
    titleWords: [...new Set([...(ledger?.titleWords ?? []), ...(title.length >= 2 ? [title] : [])])],
  });
  return { template, headerRows: { first: found.top + 1, last: headerEnd }, columns, ledger: ledger ? { id: ledger.id, kind: ledger.kind } : null };
}
