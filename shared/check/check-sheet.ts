import { checkCapitalAmounts } from "../rules/columns/capital-amounts.js";
import { addStatusFacts } from "../records/status-facts.js";
import { parseIso, todayDay } from "../calendar/days.js";
import { buildFieldIndex, type FieldIndex } from "../detect/field-match.js";
import { buildMappedIndex, mappingsFor } from "../detect/apply-mapping.js";
import type { MappingInput } from "../template/mapping.js";
import type { HeaderLayout } from "../detect/layout.js";
import { layoutFor, recogniseSheet, type RecogniseOptions } from "../detect/recognise.js";
import { sheetContext, type SheetContext } from "../detect/sheet-context.js";
import { SheetView } from "../grid/sheet-view.js";
import type { SheetGrid } from "../grid/types.js";
import type { Finding, SheetReport } from "../findings/types.js";
import { buildRecords, type RecordSet } from "../records/build.js";
import type { BookContext } from "../book/context.js";
import { DEFAULT_RULE_SET } from "../ruleset/default.js";
import { BUILTIN_TEMPLATES } from "../template/builtin/index.js";
import type { TemplateParsed } from "../template/schema.js";
import { RuleContext } from "../rules/context.js";
import { checkDerivedRows } from "../rules/derived/totals.js";
import { checkSectionCounts, checkStatedCounts } from "../rules/derived/stated-counts.js";
import { checkTitleHeadCount } from "../rules/derived/title-count.js";
import { checkBesideCounts } from "../rules/derived/beside-counts.js";
import { checkFieldConstraints } from "../rules/fields/constraints.js";
import { RULES } from "../rules/registry.js";
import { resolveMeetingType, type MeetingRequirement } from "../scoring/meetings.js";
import { checkConvertedColumns } from "../rules/columns/converted-columns.js";
import type { CheckOptions } from "./options.js";
import { blankFormReport, checkedReport, skippedReport, unrecognisedReport, wrongTemplateReport } from "./sheet-report.js";
import { sheetMeetingType } from "./sheet-meeting-type.js";
import { skipReasonOf } from "./skip.js";

/** Field indexes are pure functions of a template (and the mappings given with it): build each once. */
const indexCache = new WeakMap<TemplateParsed, FieldIndex>();
const mappedCache = new WeakMap<readonly MappingInput[], WeakMap<TemplateParsed, FieldIndex>>();
function indexFor(t: TemplateParsed, mappings: readonly MappingInput[] = NO_MAPPINGS): FieldIndex {
  const applying = mappings.length ? mappingsFor(t, mappings) : NO_MAPPINGS;
  if (applying.length) {
    let perTemplate = mappedCache.get(mappings);
    if (!perTemplate) mappedCache.set(mappings, (perTemplate = new WeakMap()));
    let mapped = perTemplate.get(t);
    if (!mapped) perTemplate.set(t, (mapped = buildMappedIndex(t, applying)));
    return mapped;
  }
  let index = indexCache.get(t);
  if (!index) {
    index = buildFieldIndex(t);
    indexCache.set(t, index);
  }
  return index;
}
const NO_MAPPINGS: readonly MappingInput[] = [];
/** The same mappings array for the same option, so one check of a workbook builds each index once. */
const mappingLists = new WeakMap<object, readonly MappingInput[]>();
function mappingList(m: CheckOptions["mapping"]): readonly MappingInput[] {
  if (!m) return NO_MAPPINGS;
  if (Array.isArray(m)) return m;
  let list = mappingLists.get(m);
  if (!list) mappingLists.set(m, (list = [m]));
  return list;
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

/** A sheet recognised and read into records, its rules not yet run: what a book links before checking. */
export interface PreparedSheet {
  view: SheetView;
  layout: HeaderLayout;
  set: RecordSet;
  candidates: HeaderLayout[];
  context: SheetContext;
  meetingType: { requirement: MeetingRequirement; source: "sheet" | "title" | "file" } | null;
  forced: boolean;
  /** The meeting types a register lists as its rows (a 三会一课 matrix): the ones it is judged for. */
  listedMeetingTypes?: ReadonlySet<string>;
}

export type Preparation = { done: true; report: SheetReport; findings: Finding[] } | { done: false; sheet: PreparedSheet };

/**
 * The first half of a sheet's way: header and row roles → typed records. A sheet that is
 * hidden, empty or only instructions is skipped and says so; one that fits no template well
 * enough is unrecognised and says what came closest. Neither is ever reported as clean.
 */
export function prepareSheet(sheet: SheetGrid, opts: CheckOptions = {}): Preparation {
  const lang = opts.lang ?? "zh";
  const templates = opts.templates ?? BUILTIN_TEMPLATES;
  const ruleSet = opts.ruleSet ?? DEFAULT_RULE_SET;
  const view = new SheetView(sheet);
  const forced = opts.template ? pickTemplate(templates, opts.template) : null;
  const mappings = mappingList(opts.mapping);
  const skip = skipReasonOf(view, forced !== null);
  if (skip === "hidden" || skip === "empty") return { done: true, report: skippedReport(view, skip, lang), findings: [] };
  const recogniseOpts: RecogniseOptions = {
    ...(opts.fileName ? { fileName: opts.fileName } : {}),
    knownValues: (kind, text) => kind === "meetingType" && resolveMeetingType(text, ruleSet.meetings) !== null,
  };
  let layout: HeaderLayout | null;
  let candidates: HeaderLayout[];
  if (forced) {
    layout = layoutFor(view, indexFor(forced, mappings), recogniseOpts);
    candidates = layout ? [layout] : [];
    if (opts.template?.fit === "required" && layout && !layout.acceptable) {
      // A 填表说明 sheet beside the ledger is instructions, not a wrong ledger.
      if (skip === "instructions") return { done: true, report: skippedReport(view, skip, lang), findings: [] };
      // Say what the sheet looks like instead, from the built-in ledgers.
      const looks = recogniseSheet(view, BUILTIN_TEMPLATES.map((t) => indexFor(t)), recogniseOpts).best;
      return { done: true, report: wrongTemplateReport(view, layout, looks, lang), findings: [] };
    }
  } else {
    const recognised = recogniseSheet(view, templates.map((t) => indexFor(t, mappings)), recogniseOpts);
    layout = recognised.best;
    candidates = recognised.candidates;
  }
  if (!layout) {
    if (skip === "instructions") return { done: true, report: skippedReport(view, skip, lang), findings: [] };
    return { done: true, report: unrecognisedReport(view, candidates, lang), findings: [] };
  }
  const set = buildRecords(view, layout);
  addStatusFacts(view, layout, set, ruleSet.membership);
  if (set.records.length === 0) return { done: true, report: blankFormReport(view, layout, lang), findings: [] };
  const context = sheetContext(view, layout.headerTop, opts.fileName);
  const meetingType = layout.index.template.kind === "meetings" ? sheetMeetingType(context, ruleSet.meetings) : null;
  return { done: false, sheet: { view, layout, set, candidates, context, meetingType, forced: forced !== null } };
}

/** What the rules see of a prepared sheet, before any has run. */
export function ruleContextOf(p: PreparedSheet, opts: CheckOptions = {}, book: BookContext | null = null): RuleContext {
  const ruleSet = opts.ruleSet ?? DEFAULT_RULE_SET;
  const template = p.layout.index.template;
  return new RuleContext(p.view, p.set, template, ruleSet, resolveAsOf(opts.asOf), opts.lang ?? "zh", p.layout.headerRow, p.context, p.meetingType?.requirement ?? null, book, p.listedMeetingTypes ?? null, p.layout.headerTop);
}

/** The second half: the rules over a prepared sheet's records, with what its book says. */
export function runSheet(p: PreparedSheet, opts: CheckOptions = {}, book: BookContext | null = null): { report: SheetReport; findings: Finding[]; ctx: RuleContext } {
  const lang = opts.lang ?? "zh";
  const { view, layout, set, meetingType } = p;
  const template = layout.index.template;
  const ctx = ruleContextOf(p, opts, book);
  checkFieldConstraints(ctx);
  checkDerivedRows(ctx);
  checkStatedCounts(ctx);
  checkSectionCounts(ctx);
  checkBesideCounts(ctx);
  checkTitleHeadCount(ctx);
  for (const ref of template.rules) {
    const rule = RULES[ref.rule];
    if (!rule) {
      throw new CheckOptionError("unknown-rule", `模板“${template.id}”引用了未知规则“${ref.rule}”`, `Template "${template.id}" names the unknown rule "${ref.rule}"`);
    }
    if (!rule.needs.every((n) => ctx.has(n))) continue;
    rule.run(ctx, ref.params ?? {});
  }
  checkConvertedColumns(ctx);
  checkCapitalAmounts(ctx);
  const typeReport = meetingType ? { type: meetingType.requirement.type, source: meetingType.source } : undefined;
  return { report: checkedReport(view, layout, set, p.candidates, lang, p.forced, typeReport), findings: ctx.findings, ctx };
}

/** One sheet through the whole way, alone (no book): header and row roles → records → rules → findings. */
export function checkSheet(sheet: SheetGrid, opts: CheckOptions = {}): { report: SheetReport; findings: Finding[] } {
  resolveAsOf(opts.asOf);
  const prepared = prepareSheet(sheet, opts);
  if (prepared.done) return { report: prepared.report, findings: prepared.findings };
  const { report, findings } = runSheet(prepared.sheet, opts);
  return { report, findings };
}
