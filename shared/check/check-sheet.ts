import { parseIso, todayDay } from "../calendar/days.js";
import { buildHeaderIndex, type HeaderIndex } from "../detect/header-match.js";
import { findHeader, recogniseSheet, type HeaderLayout } from "../detect/find-header.js";
import { columnLetters } from "../grid/a1.js";
import { SheetView } from "../grid/sheet-view.js";
import type { SheetGrid } from "../grid/types.js";
import { renderMessage } from "../findings/render.js";
import type { Finding, KindCandidate, Lang, SheetReport } from "../findings/types.js";
import { buildRecords } from "../records/build.js";
import { DEFAULT_RULE_SET } from "../ruleset/default.js";
import { BUILTIN_TEMPLATES } from "../template/builtin/index.js";
import type { TemplateParsed } from "../template/schema.js";
import { RuleContext } from "../rules/context.js";
import { checkFieldConstraints } from "../rules/fields/constraints.js";
import { RULES } from "../rules/registry.js";
import { checkConvertedColumns } from "../rules/columns/converted-columns.js";
import type { CheckOptions } from "./options.js";

/** Header indexes are pure functions of a template: build each once per process. */
const indexCache = new WeakMap<TemplateParsed, HeaderIndex>();
function indexFor(t: TemplateParsed): HeaderIndex {
  let index = indexCache.get(t);
  if (!index) {
    index = buildHeaderIndex(t);
    indexCache.set(t, index);
  }
  return index;
}

export class CheckOptionError extends Error {
  constructor(
    readonly code: string,
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(messageEn);
  }
}

export function resolveAsOf(asOf: string | undefined): number {
  if (asOf === undefined) return todayDay();
  const day = parseIso(asOf);
  if (day === null) throw new CheckOptionError("bad-as-of", `检查日期“${asOf}”无效，应写作 YYYY-MM-DD`, `The as-of date "${asOf}" is not a valid YYYY-MM-DD date`);
  return day;
}

function pickTemplate(templates: TemplateParsed[], wanted: NonNullable<CheckOptions["template"]>): TemplateParsed {
  const matches = templates.filter((t) => t.id === wanted.id && (wanted.version === undefined || t.version === wanted.version));
  const chosen = matches.sort((a, b) => b.version - a.version)[0];
  if (!chosen) {
    const name = wanted.version === undefined ? wanted.id : `${wanted.id}@${wanted.version}`;
    throw new CheckOptionError("unknown-template", `没有模板“${name}”`, `There is no template "${name}"`);
  }
  return chosen;
}

function headersText(layout: HeaderLayout): string {
  const seen = new Set<number>();
  const out: string[] = [];
  for (const c of layout.columns) {
    if (c.period !== undefined) {
      if (seen.has(c.fieldIndex)) continue;
      seen.add(c.fieldIndex);
      const count = layout.columns.filter((x) => x.fieldIndex === c.fieldIndex).length;
      out.push(`${c.header}…（${count}）`);
    } else out.push(c.header);
  }
  return out.join("、");
}

function candidateOf(layout: HeaderLayout, lang: Lang): KindCandidate {
  const t = layout.index.template;
  const title = (name: string) => t.fields.find((f) => f.name === name)?.title ?? name;
  return { template: { id: t.id, version: t.version }, kind: t.kind, title: lang === "zh" ? t.title : t.titleEn, score: layout.score, missing: layout.missingRequired.map(title) };
}

function reportFor(view: SheetView, layout: HeaderLayout | null, rows: number, lang: Lang, forced: boolean, candidates: HeaderLayout[]): SheetReport {
  const best = candidates[0] ?? null;
  const closest = candidates.slice(0, 3).map((c) => candidateOf(c, lang));
  if (!layout) {
    const hint = best ? (lang === "zh" ? `（最接近：${best.index.template.title}，${headersText(best)}）` : ` (closest: ${best.index.template.titleEn}, ${headersText(best)})`) : "";
    const empty = view.rowCount === 0;
    return {
      sheet: view.name,
      status: empty ? "skipped" : "unrecognised",
      ...(empty ? { skipReason: "empty" as const } : {}),
      kind: null,
      template: null,
      headerRow: null,
      matched: [],
      score: best?.score ?? 0,
      rows: 0,
      reason: empty ? renderMessage("sheet.empty", lang) : renderMessage("sheet.unrecognised", lang, { best: hint }),
      candidates: closest,
    };
  }
  const t = layout.index.template;
  return {
    sheet: view.name,
    status: "checked",
    kind: t.kind,
    template: { id: t.id, version: t.version },
    headerRow: layout.headerRow + 1,
    matched: layout.columns.map((c) => ({ header: c.header, field: t.fields[c.fieldIndex]!.name, column: columnLetters(c.col) })),
    score: layout.score,
    rows,
    reason: renderMessage(forced ? "sheet.templateForced" : "sheet.recognised", lang, { title: lang === "zh" ? t.title : t.titleEn, headers: headersText(layout) }),
    candidates: closest,
  };
}

/** One sheet through the whole way: header detection → typed records → rules → findings. */
export function checkSheet(sheet: SheetGrid, opts: CheckOptions = {}): { report: SheetReport; findings: Finding[] } {
  const lang = opts.lang ?? "zh";
  const templates = opts.templates ?? BUILTIN_TEMPLATES;
  const ruleSet = opts.ruleSet ?? DEFAULT_RULE_SET;
  const asOf = resolveAsOf(opts.asOf);
  const view = new SheetView(sheet);
  let layout: HeaderLayout | null;
  let candidates: HeaderLayout[] = [];
  if (opts.template) {
    layout = findHeader(view, indexFor(pickTemplate(templates, opts.template)));
    if (layout) candidates = [layout];
  } else {
    const recognised = recogniseSheet(view, templates.map(indexFor));
    layout = recognised.best;
    candidates = recognised.candidates;
  }
  if (!layout) return { report: reportFor(view, null, 0, lang, false, candidates), findings: [] };
  const set = buildRecords(view, layout);
  const template = layout.index.template;
  const ctx = new RuleContext(view, set, template, ruleSet, asOf, lang, layout.headerRow);
  checkFieldConstraints(ctx);
  for (const ref of template.rules) {
    const rule = RULES[ref.rule];
    if (!rule) {
      throw new CheckOptionError("unknown-rule", `模板“${template.id}”引用了未知规则“${ref.rule}”`, `Template "${template.id}" names the unknown rule "${ref.rule}"`);
    }
    if (!rule.needs.every((n) => ctx.has(n))) continue;
    rule.run(ctx, ref.params ?? {});
  }
  checkConvertedColumns(ctx);
  return { report: reportFor(view, layout, set.records.length, lang, opts.template !== undefined, candidates), findings: ctx.findings };
}
