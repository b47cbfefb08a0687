import { toIso } from "../calendar/days.js";
import { a1, columnLetters } from "../grid/a1.js";
import type { SheetView } from "../grid/sheet-view.js";
import type { HeaderLayout } from "../detect/layout.js";
import { renderMessage } from "../findings/render.js";
import type { ColumnReport, FactReport, KindCandidate, Lang, SheetReport, SkipReason } from "../findings/types.js";
import type { RecordSet } from "../records/build.js";
import { mappingReportOf } from "./mapping-report.js";

/** The report shows at most this many facts read from notes; `factCount` tells them all. */
export const MAX_FACTS = 500;

function headersText(layout: HeaderLayout): string {
  const seen = new Set<number>();
  const out: string[] = [];
  for (const c of layout.columns) {
    if (c.period !== undefined) {
      if (seen.has(c.fieldIndex)) continue;
      seen.add(c.fieldIndex);
      const count = layout.columns.filter((x) => x.fieldIndex === c.fieldIndex).length;
      out.push(`${c.header}…（${count}）`);
    } else if (c.header !== "") out.push(c.header);
  }
  return out.join("、");
}

function fieldTitle(layout: HeaderLayout, name: string, lang: Lang): string {
  const f = layout.index.template.fields.find((x) => x.name === name);
  return f ? (lang === "en" && f.titleEn ? f.titleEn : f.title) : name;
}

export function candidateOf(layout: HeaderLayout, lang: Lang): KindCandidate {
  const t = layout.index.template;
  const missing = layout.missingRequired.map((n) => fieldTitle(layout, n, lang));
  for (const d of layout.missingDistinctive) {
    const titles = d.of.slice(0, 3).map((n) => fieldTitle(layout, n, lang));
    missing.push(lang === "zh" ? `${titles.join("、")}等 ${d.of.length} 项中的至少 ${d.min} 项` : `at least ${d.min} of ${titles.join(", ")} and ${d.of.length - titles.length} more`);
  }
  if (layout.otherTitle) missing.push(lang === "zh" ? `标题写的是“${layout.otherTitle}”，说的是另一种表` : `a title saying “${layout.otherTitle}”, another kind of sheet`);
  return {
    template: { id: t.id, version: t.version },
    kind: t.kind,
    title: lang === "zh" ? t.title : t.titleEn,
    score: layout.score,
    missing,
    ...(layout.foreign ? { looksLike: lang === "zh" ? layout.foreign.title : layout.foreign.titleEn, foreign: layout.foreign.id } : {}),
  };
}

function columnReports(layout: HeaderLayout, lang: Lang): ColumnReport[] {
  const fields = layout.index.template.fields;
  const bound: ColumnReport[] = layout.columns.map((c) => ({
    column: columnLetters(c.col),
    header: c.header,
    field: fields[c.fieldIndex]!.name,
    fieldTitle: c.period !== undefined ? `${fieldTitle(layout, fields[c.fieldIndex]!.name, lang)}（${c.year ? `${c.year}-` : ""}${c.period}${c.span ? `—${c.period + c.span - 1}` : ""}）` : fieldTitle(layout, fields[c.fieldIndex]!.name, lang),
    confidence: c.confidence,
    source: c.source,
    ...(c.mapped ? { mapped: true } : {}),
  }));
  const unbound: ColumnReport[] = layout.unbound.map((u) => ({ column: columnLetters(u.col), header: u.header, field: null, fieldTitle: null, confidence: 0, source: null, ...(u.ignored ? { mapped: true } : {}) }));
  const colOf = (letters: string) => letters.length * 1000 + letters.charCodeAt(0) * 10 + (letters.charCodeAt(1) || 0);
  return [...bound, ...unbound].sort((a, b) => colOf(a.column) - colOf(b.column));
}

const FACT_MESSAGES: Record<string, string> = {
  extension: "note.extension",
  duesConsent: "note.duesConsent",
  transferIn: "note.transferIn",
  admitted: "note.admitted",
  transferOut: "note.transferOut",
  exempt: "note.exempt",
  reduced: "note.reduced",
  backPay: "note.backPay",
  abroad: "note.abroad",
  mobile: "note.mobile",
  paysElsewhere: "note.paysElsewhere",
  notAssessed: "note.notAssessed",
  suspended: "note.suspended",
  left: "note.left",
  secondExtension: "note.secondExtension",
  electionDelay: "note.electionDelay",
  renewed: "note.renewed",
};

function factReports(layout: HeaderLayout, set: RecordSet, lang: Lang): { facts: FactReport[]; count: number } {
  const headerOf = (col: number) => layout.columns.find((c) => c.col === col)?.header ?? layout.unbound.find((u) => u.col === col)?.header ?? "";
  const facts: FactReport[] = [];
  let count = 0;
  // A fact the sheet says once (above the header) is every row's, and shown once.
  const seen = new Set<string>();
  for (const rec of set.records) {
    if (!rec.facts) continue;
    for (const f of rec.facts) {
      const at = `${f.row}:${f.col}:${f.kind}`;
      if (seen.has(at)) continue;
      seen.add(at);
      count++;
      if (facts.length >= MAX_FACTS) continue;
      const header = headerOf(f.col);
      const args: Record<string, string | number> = { header: header !== "" ? header : lang === "zh" ? "备注" : "note", text: f.text };
      if (f.months !== undefined) args.months = f.months;
      if (f.cadence !== undefined) args.cadence = f.cadence;
      if (f.day !== undefined) args.date = toIso(f.day);
      if (f.approved !== undefined) args.approved = f.approved ? (lang === "zh" ? "（经批准）" : " (approved)") : lang === "zh" ? "（未注明经批准）" : " (no approval stated)";
      facts.push({ cell: a1(f.row, f.col), row: f.row + 1, kind: f.kind, text: f.text, message: renderMessage(FACT_MESSAGES[f.kind] ?? "note.extension", lang, args) });
    }
  }
  return { facts, count };
}

const EMPTY_REPORT = { headerRow: null, matched: [], score: 0, rows: 0, confidence: 0, columns: [], facts: [], factCount: 0, sections: [] };

export function skippedReport(view: SheetView, reason: SkipReason, lang: Lang): SheetReport {
  return { sheet: view.name, status: "skipped", skipReason: reason, kind: null, template: null, ...EMPTY_REPORT, reason: renderMessage(`sheet.skipped.${reason}`, lang), candidates: [] };
}

function matchedOf(layout: HeaderLayout): SheetReport["matched"] {
  const t = layout.index.template;
  return layout.columns.map((c) => ({ header: c.header, field: t.fields[c.fieldIndex]!.name, column: columnLetters(c.col) }));
}

/** A form of a known kind with nothing filled in: not checked (never "no problems"), and it says which form. */
export function blankFormReport(view: SheetView, layout: HeaderLayout, lang: Lang): SheetReport {
  const title = lang === "zh" ? layout.index.template.title : layout.index.template.titleEn;
  return {
    sheet: view.name,
    status: "skipped",
    skipReason: "noData",
    ...EMPTY_REPORT,
    // The form is recognised (a blank 花名册 is a 花名册), but nothing in it was checked.
    kind: layout.index.template.kind,
    template: { id: layout.index.template.id, version: layout.index.template.version },
    headerRow: layout.headerRow + 1,
    matched: matchedOf(layout),
    confidence: layout.confidence,
    columns: columnReports(layout, lang),
    reason: renderMessage("sheet.skipped.noData", lang, { title }),
    candidates: [candidateOf(layout, lang)],
  };
}

export function unrecognisedReport(view: SheetView, candidates: HeaderLayout[], lang: Lang): SheetReport {
  const best = candidates[0] ?? null;
  const closest = candidates.slice(0, 3).map((c) => candidateOf(c, lang));
  let hint = "";
  if (best) {
    const c = closest[0]!;
    if (c.looksLike) hint = lang === "zh" ? `（这张表像是${c.looksLike}，不是党建台账）` : ` (this looks like ${c.looksLike}, not a Party ledger)`;
    else {
      const lacks = c.missing.length > 0 ? (lang === "zh" ? `，缺少：${c.missing.join("、")}` : `; missing: ${c.missing.join(", ")}`) : "";
      hint = lang === "zh" ? `（最接近：${c.title}，匹配表头 ${headersText(best)}${lacks}）` : ` (closest: ${c.title}, matched headers ${headersText(best)}${lacks})`;
    }
  }
  return {
    sheet: view.name,
    status: "unrecognised",
    kind: null,
    template: null,
    ...EMPTY_REPORT,
    score: best?.score ?? 0,
    ...(best ? { columns: columnReports(best, lang) } : {}),
    reason: renderMessage("sheet.unrecognised", lang, { best: hint }),
    candidates: closest,
  };
}

/** A sheet that does not fit the template it had to fit (a 报送任务's): what it lacks, and what it looks like. */
export function wrongTemplateReport(view: SheetView, layout: HeaderLayout, looks: HeaderLayout | null, lang: Lang): SheetReport {
  const c = candidateOf(layout, lang);
  const zh = lang === "zh";
  const parts: string[] = [];
  if (c.looksLike) parts.push(zh ? `这张表像是${c.looksLike}` : `this looks like ${c.looksLike}`);
  else if (looks && looks.index.template.kind !== layout.index.template.kind) {
    parts.push(zh ? `这张表像是“${looks.index.template.title}”` : `this looks like "${looks.index.template.titleEn}"`);
  }
  if (c.missing.length > 0) parts.push(zh ? `缺少：${c.missing.join("、")}` : `missing: ${c.missing.join(", ")}`);
  const detail = parts.length > 0 ? (zh ? `（${parts.join("；")}）` : ` (${parts.join("; ")})`) : "";
  return {
    sheet: view.name,
    status: "unrecognised",
    kind: null,
    template: null,
    ...EMPTY_REPORT,
    score: layout.score,
    columns: columnReports(layout, lang),
    reason: renderMessage("sheet.wrongTemplate", lang, { title: zh ? layout.index.template.title : layout.index.template.titleEn, detail }),
    candidates: [c, ...(looks ? [candidateOf(looks, lang)] : [])],
  };
}

export function checkedReport(view: SheetView, layout: HeaderLayout, set: RecordSet, candidates: HeaderLayout[], lang: Lang, forced: boolean, meetingType?: SheetReport["meetingType"]): SheetReport {
  const t = layout.index.template;
  const { facts, count } = factReports(layout, set, lang);
  return {
    sheet: view.name,
    status: "checked",
    kind: t.kind,
    template: { id: t.id, version: t.version },
    headerRow: layout.headerRow + 1,
    matched: matchedOf(layout),
    score: layout.score,
    rows: set.records.length,
    reason: renderMessage(forced ? "sheet.templateForced" : "sheet.recognised", lang, { title: lang === "zh" ? t.title : t.titleEn, headers: headersText(layout) }),
    candidates: candidates.slice(0, 3).map((c) => candidateOf(c, lang)),
    confidence: layout.confidence,
    columns: columnReports(layout, lang),
    facts,
    factCount: count,
    sections: set.sections.map((s) => ({ row: s.row + 1, label: s.label, facts: s.facts.map((f) => ({ ...f, fieldTitle: fieldTitle(layout, f.field, lang) })) })),
    rowRoles: { ...set.roles },
    ...(meetingType ? { meetingType } : {}),
    ...mappingReportOf(layout),
  };
}

/**
 * The report of a sheet read another way than by a template's header (a count table by quarter, a
 * summary of one row per organisation): checked, as that template, over the columns it read.
 */
export function readAnotherWayReport(unrecognised: SheetReport, template: { kind: string; id: string; version: number }, headerRow: number, columns: ColumnReport[], rows: number, reason: string): SheetReport {
  return {
    ...unrecognised,
    status: "checked",
    kind: template.kind,
    template: { id: template.id, version: template.version },
    headerRow: headerRow + 1,
    matched: columns.map((c) => ({ header: c.header, field: c.field!, column: c.column })),
    rows,
    reason,
    confidence: 0.9,
    columns,
  };
}
