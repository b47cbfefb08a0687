import { buildMappedIndex, mappingsFor } from "../detect/apply-mapping.js";
import { buildFieldIndex } from "../detect/field-match.js";
import type { HeaderLayout } from "../detect/layout.js";
import { layoutFor, recogniseSheet, type RecogniseOptions } from "../detect/recognise.js";
import { columnLetters } from "../grid/a1.js";
import { SheetView } from "../grid/sheet-view.js";
import { isCellError, type SheetGrid } from "../grid/types.js";
import type { Lang } from "../findings/types.js";
import { cleanText } from "../normalise/text.js";
import { classifyRow } from "../rows/classify-row.js";
import { DEFAULT_RULE_SET } from "../ruleset/default.js";
import type { RuleSet } from "../ruleset/schema.js";
import { resolveMeetingType } from "../scoring/meetings.js";
import { BUILTIN_TEMPLATES } from "../template/builtin/index.js";
import type { MappingInput } from "../template/mapping.js";
import type { FieldParsed, TemplateParsed } from "../template/schema.js";
import { UNSURE } from "./unsure.js";

/**
 * What the pane shows in its mapping step: for a sheet and the template it is (or the closest
 * one, or the one the clerk picked), each header column with a few of its values, the field the
 * engine proposes and how sure it is; for text fields with allowed values, the sheet's values
 * that are not among them, each with the allowed value it most likely means. The clerk confirms,
 * changes or leaves out each, and the answer is a MappingInput (CheckOptions.mapping).
 */
export interface ProposedValue {
  /** The text as the sheet writes it. */
  from: string;
  /** Rows that hold it (in the rows looked at). */
  count: number;
  /** The allowed value it most likely means, or null when none is close. */
  to: string | null;
}

export interface ProposedColumn {
  /** Column letter(s) and 0-based index. */
  column: string;
  col: number;
  /** The header as written; a header over several rows as its path ("月份 / 1月"). */
  header: string;
  /** A few distinct values from the data rows. */
  samples: string[];
  /** The column's distinct texts, most frequent first (at most MAX_VALUES), for mapping them to another field's values. */
  distinct: { text: string; count: number }[];
  field: string | null;
  confidence: number;
  source: "header" | "content" | "both" | "mapping" | null;
  /** For a text field with allowed values: the sheet's values that are not allowed. */
  values: ProposedValue[];
}

export interface FieldChoice {
  name: string;
  title: string;
  type: FieldParsed["type"];
  required: boolean;
  /** The values the field allows (its list), or its typical values; none for free text. */
  allowed: string[];
}

export interface MappingProposal {
  template: { id: string; version: number; title: string };
  /** 1-based row of the header. */
  headerRow: number;
  /** Whether the engine recognised the sheet as this template as things stand. */
  recognised: boolean;
  /** How sure of the kind (0 when not recognised). */
  confidence: number;
  /** Whether a person should look: not recognised, or some column or value below UNSURE. */
  unsure: boolean;
  columns: ProposedColumn[];
  /** Every field of the template a column may be mapped to (monthly groups excepted). */
  fields: FieldChoice[];
}

export { UNSURE };
const SAMPLES = 3;
const MAX_VALUES = 30;
const ROWS_LOOKED_AT = 500;

export interface ProposeOptions {
  templates?: TemplateParsed[];
  /** The template to propose for (the clerk's pick); else the recognised or closest one. */
  template?: { id: string; version?: number };
  /** Mappings already in force (the organisation's saved ones, what the clerk confirmed so far). */
  mapping?: MappingInput | MappingInput[];
  ruleSet?: RuleSet;
  fileName?: string;
  lang?: Lang;
}

function indexOf(t: TemplateParsed, mappings: MappingInput[]) {
  const applying = mappingsFor(t, mappings);
  return applying.length ? buildMappedIndex(t, applying) : buildFieldIndex(t);
}

function allowedOf(field: FieldParsed): string[] {
  return field.constraints?.enum ?? field.content?.values ?? [];
}

/** The allowed value a text most likely means: the one it names inside, or the one that holds it. */
export function guessValue(text: string, allowed: readonly string[], aliases: Record<string, string> | undefined): string | null {
  if (aliases?.[text]) return aliases[text];
  const inside = allowed.filter((a) => text.includes(a)).sort((a, b) => b.length - a.length)[0];
  if (inside) return inside;
  return allowed.find((a) => a.includes(text)) ?? null;
}

function texts(view: SheetView, layout: HeaderLayout, col: number): Map<string, number> {
  const out = new Map<string, number>();
  let looked = 0;
  for (let row = layout.firstDataRow; row < view.rowCount && looked < ROWS_LOOKED_AT; row++) {
    if (classifyRow(view, row, row - layout.firstDataRow) !== "data") continue;
    looked++;
    const v = view.merged(row, col);
    if (v === null || isCellError(v)) continue;
    const t = cleanText(String(v));
    if (t !== "") out.set(t, (out.get(t) ?? 0) + 1);
  }
  return out;
}

export function proposeMapping(sheet: SheetGrid, opts: ProposeOptions = {}): MappingProposal | null {
  const templates = opts.templates ?? BUILTIN_TEMPLATES;
  const ruleSet = opts.ruleSet ?? DEFAULT_RULE_SET;
  const mappings = opts.mapping ? (Array.isArray(opts.mapping) ? opts.mapping : [opts.mapping]) : [];
  const view = new SheetView(sheet);
  const recogniseOpts: RecogniseOptions = {
    ...(opts.fileName ? { fileName: opts.fileName } : {}),
    knownValues: (kind, text) => kind === "meetingType" && resolveMeetingType(text, ruleSet.meetings) !== null,
  };
  let layout: HeaderLayout | null;
  if (opts.template) {
    const wanted = opts.template;
    const t = templates.filter((x) => x.id === wanted.id && (wanted.version === undefined || x.version === wanted.version)).sort((a, b) => b.version - a.version)[0];
    layout = t ? layoutFor(view, indexOf(t, mappings), recogniseOpts) : null;
  } else {
    const r = recogniseSheet(view, templates.map((t) => indexOf(t, mappings)), recogniseOpts);
    layout = r.best ?? r.candidates[0] ?? null;
  }
  if (!layout) return null;
  const template = layout.index.template;
  const fields = template.fields;
  const columns: ProposedColumn[] = [];
  let unsure = !layout.acceptable || layout.confidence < UNSURE;
  const entries = [
    ...layout.columns.filter((c) => c.period === undefined).map((c) => ({ col: c.col, header: c.header, binding: c })),
    ...layout.unbound.map((u) => ({ col: u.col, header: u.header, binding: null, ignored: u.ignored === true })),
  ].sort((a, b) => a.col - b.col);
  for (const e of entries) {
    const seen = texts(view, layout, e.col);
    const field = e.binding ? fields[e.binding.fieldIndex]! : null;
    const values: ProposedValue[] = [];
    const allowed = field && field.type === "string" ? allowedOf(field) : [];
    if (field && allowed.length > 0) {
      const ok = new Set(allowed);
      for (const [text, count] of [...seen].sort((a, b) => b[1] - a[1]).slice(0, MAX_VALUES)) {
        if (ok.has(text)) continue;
        const mapped = field.valueAliases?.[text];
        if (mapped !== undefined && ok.has(mapped)) continue;
        values.push({ from: text, count, to: guessValue(text, allowed, field.valueAliases) });
      }
    }
    const confidence = e.binding?.confidence ?? 0;
    if (e.binding && !e.binding.mapped && confidence < UNSURE) unsure = true;
    if (!e.binding && !("ignored" in e && e.ignored) && seen.size > 0 && e.header !== "") unsure = true;
    if (values.length > 0 && field?.constraints?.enum) unsure = true;
    columns.push({
      column: columnLetters(e.col),
      col: e.col,
      header: e.header,
      samples: [...seen.keys()].slice(0, SAMPLES),
      distinct: [...seen].sort((a, b) => b[1] - a[1]).slice(0, MAX_VALUES).map(([text, count]) => ({ text, count })),
      field: field?.name ?? null,
      confidence,
      source: e.binding ? (e.binding.mapped ? "mapping" : e.binding.source) : "ignored" in e && e.ignored ? "mapping" : null,
      values,
    });
  }
  const en = opts.lang === "en";
  return {
    template: { id: template.id, version: template.version, title: en ? template.titleEn : template.title },
    headerRow: layout.headerRow + 1,
    recognised: layout.acceptable,
    confidence: layout.acceptable ? layout.confidence : 0,
    unsure,
    columns,
    fields: fields
      .filter((f) => !f.repeat)
      .map((f) => ({ name: f.name, title: en && f.titleEn ? f.titleEn : f.title, type: f.type, required: template.requiredHeaders.includes(f.name), allowed: f.type === "string" ? allowedOf(f) : [] })),
  };
}

/**
 * The clerk's answers as a mapping: every column's field (or null: left out) by its header, and
 * the values they mapped. Columns whose header is empty cannot be named, so they are not listed.
 */
export function mappingFromAnswers(template: { id: string; version?: number }, answers: { header: string; field: string | null; values?: Record<string, string> }[]): MappingInput {
  const columns: Record<string, string | null> = {};
  const values: Record<string, Record<string, string>> = {};
  for (const a of answers) {
    if (a.header.trim() === "") continue;
    columns[a.header] = a.field;
    if (a.field && a.values) {
      const chosen = Object.entries(a.values).filter(([from, to]) => from.trim() !== "" && to.trim() !== "");
      if (chosen.length) values[a.field] = { ...(values[a.field] ?? {}), ...Object.fromEntries(chosen) };
    }
  }
  return { template, columns, values };
}
