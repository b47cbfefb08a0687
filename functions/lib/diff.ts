import type { z } from "zod";
import type { CellValue, WorkbookGrid } from "../../shared/grid/types.js";
import { a1 } from "../../shared/grid/a1.js";
import type { Finding } from "../../shared/findings/types.js";
import type { TemplateParsed } from "../../shared/template/schema.js";
import type { MappingDiff, SubmissionDiff, TemplateDiff } from "../../shared/api/schemas.js";
import type { MappingDocParsed } from "../../shared/template/mapping.js";
import { canonicalJson } from "./hash.js";

const norm = (s: string) => s.replace(/[\s\r\n*＊]/g, "").replace(/（/g, "(").replace(/）/g, ")").toLowerCase();
const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/**
 * What changed between two template versions: fields added and removed, a removed field
 * and an added one sharing a header (title or alias) count as renamed, constraint and
 * type changes per field, rules added/removed/with other parameters.
 */
export function diffTemplates(
  a: TemplateParsed,
  b: TemplateParsed,
  from: number,
  to: number,
): z.infer<typeof TemplateDiff> {
  const aBy = new Map(a.fields.map((f) => [f.name, f]));
  const bBy = new Map(b.fields.map((f) => [f.name, f]));
  let removed = a.fields.filter((f) => !bBy.has(f.name));
  let added = b.fields.filter((f) => !aBy.has(f.name));
  const renamed: { from: string; to: string; via: string }[] = [];
  const headers = (f: TemplateParsed["fields"][number]) => new Set([f.title, ...f.aliases].map(norm));
  for (const r of [...removed]) {
    const rh = headers(r);
    const match = added.find((x) => [...headers(x)].some((h) => rh.has(h)));
    if (match) {
      const via = [match.title, ...match.aliases].find((h) => rh.has(norm(h))) ?? match.title;
      renamed.push({ from: r.name, to: match.name, via });
      removed = removed.filter((x) => x !== r);
      added = added.filter((x) => x !== match);
    }
  }
  const constraintsChanged: z.infer<typeof TemplateDiff>["constraintsChanged"] = [];
  const aliasesChanged: z.infer<typeof TemplateDiff>["aliasesChanged"] = [];
  const valueAliasesChanged: z.infer<typeof TemplateDiff>["valueAliasesChanged"] = [];
  const pairs: [TemplateParsed["fields"][number], TemplateParsed["fields"][number], string][] = [];
  for (const f of a.fields) {
    const g = bBy.get(f.name);
    if (g) pairs.push([f, g, f.name]);
  }
  for (const r of renamed) pairs.push([aBy.get(r.from)!, bBy.get(r.to)!, r.to]);
  for (const [f, g, name] of pairs) {
    if (f.type !== g.type) constraintsChanged.push({ field: name, property: "type", before: f.type, after: g.type });
    const fc = (f.constraints ?? {}) as Record<string, unknown>;
    const gc = (g.constraints ?? {}) as Record<string, unknown>;
    for (const k of new Set([...Object.keys(fc), ...Object.keys(gc)])) {
      if (!same(fc[k], gc[k])) constraintsChanged.push({ field: name, property: k, before: fc[k] ?? null, after: gc[k] ?? null });
    }
    if (!same(f.repeat, g.repeat)) constraintsChanged.push({ field: name, property: "repeat", before: f.repeat ?? null, after: g.repeat ?? null });
    for (const k of ["title", "titleEn", "weight", "content", "recommended", "additive"] as const) {
      if (!same(f[k], g[k])) constraintsChanged.push({ field: name, property: k, before: f[k] ?? null, after: g[k] ?? null });
    }
    const fa = new Set(f.aliases.map(norm));
    const ga = new Set(g.aliases.map(norm));
    const added = g.aliases.filter((x) => !fa.has(norm(x)));
    const removedAliases = f.aliases.filter((x) => !ga.has(norm(x)));
    if (added.length || removedAliases.length) aliasesChanged.push({ field: name, added, removed: removedAliases });
    const fv = f.valueAliases ?? {};
    const gv = g.valueAliases ?? {};
    for (const from of [...new Set([...Object.keys(fv), ...Object.keys(gv)])].sort()) {
      if (fv[from] !== gv[from]) valueAliasesChanged.push({ field: name, from, before: fv[from] ?? null, after: gv[from] ?? null });
    }
  }
  const ruleKey = (r: { rule: string }) => r.rule;
  const aRules = new Map(a.rules.map((r) => [ruleKey(r), r]));
  const bRules = new Map(b.rules.map((r) => [ruleKey(r), r]));
  const rulesAdded = [...bRules.keys()].filter((k) => !aRules.has(k));
  const rulesRemoved = [...aRules.keys()].filter((k) => !bRules.has(k));
  const rulesChanged = [...aRules.keys()]
    .filter((k) => bRules.has(k) && !same(aRules.get(k), bRules.get(k)))
    .map((k) => ({ rule: k, before: aRules.get(k)?.params ?? null, after: bRules.get(k)?.params ?? null }));
  const otherChanged: z.infer<typeof TemplateDiff>["otherChanged"] = [];
  for (const k of ["kind", "title", "titleEn", "minScore", "requiredHeaders", "distinctive", "titleWords"] as const) {
    if (!same(a[k], b[k])) otherChanged.push({ property: k, before: a[k], after: b[k] });
  }
  return {
    id: b.id,
    from,
    to,
    fieldsAdded: added.map((f) => ({ name: f.name, title: f.title })),
    fieldsRemoved: removed.map((f) => ({ name: f.name, title: f.title })),
    fieldsRenamed: renamed,
    constraintsChanged,
    rulesAdded,
    rulesRemoved,
    rulesChanged,
    otherChanged,
    aliasesChanged,
    valueAliasesChanged,
  };
}

/** What changed between two versions of a saved mapping: each header's field, each value's mapping. */
export function diffMappings(a: MappingDocParsed, b: MappingDocParsed, from: number, to: number): z.infer<typeof MappingDiff> {
  const columns: z.infer<typeof MappingDiff>["columns"] = [];
  for (const header of [...new Set([...Object.keys(a.columns), ...Object.keys(b.columns)])].sort()) {
    const had = header in a.columns;
    const has = header in b.columns;
    if (had && has && a.columns[header] === b.columns[header]) continue;
    columns.push({ header, ...(had ? { before: a.columns[header] ?? null } : {}), ...(has ? { after: b.columns[header] ?? null } : {}) });
  }
  const values: z.infer<typeof MappingDiff>["values"] = [];
  for (const field of [...new Set([...Object.keys(a.values), ...Object.keys(b.values)])].sort()) {
    const av = a.values[field] ?? {};
    const bv = b.values[field] ?? {};
    for (const text of [...new Set([...Object.keys(av), ...Object.keys(bv)])].sort()) {
      if (av[text] !== bv[text]) values.push({ field, from: text, before: av[text] ?? null, after: bv[text] ?? null });
    }
  }
  return { id: b.id, from, to, ...(same(a.template, b.template) ? {} : { template: { before: a.template, after: b.template } }), columns, values };
}

function cells(sheet: WorkbookGrid["sheets"][number]): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  const r0 = sheet.origin?.row ?? 0;
  const c0 = sheet.origin?.col ?? 0;
  sheet.values.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v !== null && v !== "") out.set(a1(r0 + i, c0 + j), v);
    }),
  );
  return out;
}

const findingKey = (f: Finding) =>
  canonicalJson([f.code, f.sheet, f.cell, f.period, f.field ?? null, f.column, f.args ?? null]);

/** Cells changed (by A1 address, per sheet) and findings fixed and new between two submissions. */
export function diffSubmissions(
  branchId: string,
  from: { version: number; grid: WorkbookGrid; findings: Finding[] },
  to: { version: number; grid: WorkbookGrid; findings: Finding[] },
): z.infer<typeof SubmissionDiff> {
  const aSheets = new Map(from.grid.sheets.map((s) => [s.name, s]));
  const bSheets = new Map(to.grid.sheets.map((s) => [s.name, s]));
  const cellsChanged: z.infer<typeof SubmissionDiff>["cellsChanged"] = [];
  for (const [name, b] of bSheets) {
    const a = aSheets.get(name);
    if (!a) continue;
    const ac = cells(a);
    const bc = cells(b);
    for (const [addr, v] of bc) {
      const old = ac.get(addr);
      if (old === undefined) cellsChanged.push({ sheet: name, cell: addr, after: v });
      else if (!same(old, v)) cellsChanged.push({ sheet: name, cell: addr, before: old, after: v });
    }
    for (const [addr, old] of ac) if (!bc.has(addr)) cellsChanged.push({ sheet: name, cell: addr, before: old });
  }
  const aKeys = new Set(from.findings.map(findingKey));
  const bKeys = new Set(to.findings.map(findingKey));
  return {
    branchId,
    from: from.version,
    to: to.version,
    cellsChanged,
    sheetsAdded: [...bSheets.keys()].filter((n) => !aSheets.has(n)),
    sheetsRemoved: [...aSheets.keys()].filter((n) => !bSheets.has(n)),
    findingsFixed: from.findings.filter((f) => !bKeys.has(findingKey(f))),
    findingsNew: to.findings.filter((f) => !aKeys.has(findingKey(f))),
  };
}
