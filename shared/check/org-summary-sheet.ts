import { readAnotherWayReport } from "./sheet-report.js";
import { a1, columnLetters } from "../grid/a1.js";
import type { SheetGrid } from "../grid/types.js";
import { SheetView } from "../grid/sheet-view.js";
import { readOrgSummary, type OrgSummaryTable } from "../detect/org-summary.js";
import { readBranchMeetingCounts, type BranchMeetingCounts } from "../detect/branch-meeting-counts.js";
import { renderMessage } from "../findings/render.js";
import type { ColumnReport, Finding, Lang, SheetReport, Severity } from "../findings/types.js";
import { fromYmd } from "../calendar/days.js";
import { DEFAULT_RULE_SET } from "../ruleset/default.js";
import type { RuleSet } from "../ruleset/schema.js";
import { BUILTIN_TEMPLATES } from "../template/builtin/index.js";
import { judgeCountSeries } from "../rules/meetings/count-series.js";
import type { SaySummary } from "../rules/summary/arithmetic.js";
import { headerOf } from "../rules/summary/arithmetic.js";
import { checkDuesSummary, duesSummaryColumns, type DuesSummaryColumns } from "../rules/summary/dues-summary.js";
import { checkDevelopmentPlan, developmentPlanColumns, type AdmittedList, type DevelopmentPlanColumns } from "../rules/summary/development-plan.js";
import { resolveAsOf } from "./check-sheet.js";
import type { CheckOptions } from "./options.js";

/**
 * A sheet no ledger fits that is a summary with one row per organisation (a 党委's or 组织部's):
 * 三会一课 counts per branch, a dues summary per branch, or a 发展党员 plan against what was done.
 * Each is checked for what the rules say of it; a summary of none of these kinds is left
 * unrecognised (never called clean).
 */
export type OrgSummary =
  | { kind: "meetings"; table: OrgSummaryTable; meetings: BranchMeetingCounts }
  | { kind: "dues"; table: OrgSummaryTable; dues: DuesSummaryColumns }
  | { kind: "development"; table: OrgSummaryTable; development: DevelopmentPlanColumns };

export function readSummaryOfOrganisations(sheet: SheetGrid, opts: CheckOptions): OrgSummary | null {
  if (opts.template) return null;
  const table = readOrgSummary(sheet);
  if (!table) return null;
  const ruleSet = opts.ruleSet ?? DEFAULT_RULE_SET;
  const meetings = readBranchMeetingCounts(sheet, table, ruleSet.meetings);
  if (meetings) return { kind: "meetings", table, meetings };
  const dues = duesSummaryColumns(table);
  if (dues) return { kind: "dues", table, dues };
  const development = developmentPlanColumns(table);
  if (development) return { kind: "development", table, development };
  return null;
}

/** The summary's findings and report; `list` is the book's list of those admitted, for a 发展党员 plan. */
export function checkOrgSummary(sheet: SheetGrid, summary: OrgSummary, opts: CheckOptions, unrecognised: SheetReport, list: AdmittedList | null = null): { report: SheetReport; findings: Finding[] } | null {
  const template = (opts.templates ?? BUILTIN_TEMPLATES).find((t) => t.kind === summary.kind);
  if (!template) return null;
  const lang = opts.lang ?? "zh";
  const ruleSet: RuleSet = opts.ruleSet ?? DEFAULT_RULE_SET;
  const asOf = resolveAsOf(opts.asOf);
  const view = new SheetView(sheet);
  const findings: Finding[] = [];
  const push = (code: string, severity: Severity, row: number, col: number, args: Record<string, string | number>, expected: string | undefined, period: string | null) =>
    findings.push({ code, severity, sheet: sheet.name, cell: a1(row, col), row: row + 1, column: columnLetters(col), period, message: renderMessage(code, lang, args), args, ...(expected !== undefined ? { expected } : {}) });
  const say: SaySummary = (code, severity, row, col, args, expected) => push(code, severity, row, col, args, expected, null);
  const { table } = summary;
  if (summary.kind === "meetings") {
    const year = table.year ?? new Date(asOf * 86_400_000).getUTCFullYear();
    for (const s of summary.meetings.series) judgeCountSeries(s, year, asOf, lang, (code, severity, row, col, period, args) => push(code, severity, row, col, args, undefined, period));
    const min = ruleSet.meetings.secretaryLecturesPerYear;
    // The secretary's lectures are judged once the year is over.
    if (fromYmd(year, 12, 31) <= asOf) for (const l of summary.meetings.lectures) if (l.count < min) push("meetings.secretaryLecture", "warning", l.row, l.col, { period: year, count: l.count, min }, undefined, String(year));
  } else if (summary.kind === "dues") {
    checkDuesSummary(view, table, summary.dues, ruleSet.dues, say);
  } else {
    checkDevelopmentPlan(view, table, summary.development, list, say);
  }
  findings.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || a.cell!.localeCompare(b.cell!));
  return { report: reportOf(view, summary, template, unrecognised, lang), findings };
}

function reportOf(view: SheetView, summary: OrgSummary, template: (typeof BUILTIN_TEMPLATES)[number], unrecognised: SheetReport, lang: Lang): SheetReport {
  const zh = lang === "zh";
  const { table } = summary;
  const org: ColumnReport = { column: columnLetters(table.orgCol), header: textAt(view, table.headerTop, table.orgCol), field: "branch", fieldTitle: zh ? "党组织" : "Organisation", confidence: 0.9, source: "both" };
  const read = (col: number, header: string, field: string, fieldTitle: string): ColumnReport => ({ column: columnLetters(col), header, field, fieldTitle, confidence: 0.9, source: "both" });
  let columns: ColumnReport[];
  let reason: string;
  if (summary.kind === "meetings") {
    columns = summary.meetings.read.map((c) => read(c.col, c.header, "count", c.quarter === null ? (zh ? `${c.type}（全年次数）` : `${c.type} (year)`) : zh ? `${c.type}（${c.quarter}—${c.quarter + 2}月次数）` : `${c.type} (months ${c.quarter}–${c.quarter + 2})`));
    reason = zh ? "党委按党支部汇总的三会一课次数表：各支部各类会议的季度、全年次数按规则集的要求核对" : "A Party committee's 三会一课 counts, one row per branch: each branch's quarterly and yearly counts checked against the rule set";
  } else if (summary.kind === "dues") {
    const d = summary.dues;
    columns = [read(d.due.col, headerOf(d.due), "due", zh ? "应缴党费" : "Dues owed"), read(d.paid.col, headerOf(d.paid), "paid", zh ? "实缴党费" : "Dues paid"), ...(d.rate ? [read(d.rate.col, headerOf(d.rate), "rate", zh ? "缴纳率" : "Rate paid")] : []), ...(d.remitted ? [read(d.remitted.col, headerOf(d.remitted), "remitted", zh ? "上缴党费" : "Dues passed up")] : [])];
    reason = zh ? "按党支部汇总的党费收缴情况：合计、人数分项、缴纳率、上缴比例和按类别的应缴上限逐行核对" : "A dues summary, one row per branch: totals, the members by category, the rate paid, the share passed up and the most a category can owe checked row by row";
  } else {
    const d = summary.development;
    columns = [read(d.planned.col, headerOf(d.planned), "planned", zh ? "计划发展数" : "Planned"), read(d.done.col, headerOf(d.done), "done", zh ? "实际发展数" : "Admitted"), ...(d.rate ? [read(d.rate.col, headerOf(d.rate), "rate", zh ? "完成率" : "Completion")] : [])];
    reason = zh ? "按党支部汇总的发展党员计划执行情况：合计、完成率和分项人数逐行核对，并与本工作簿的发展党员名单比对" : "A plan of admissions against those admitted, one row per branch: totals, completion rates and counts checked row by row, and against the workbook's list of those admitted";
  }
  return readAnotherWayReport(unrecognised, template, table.headerRow, [org, ...columns], table.rows.length, reason);
}

function textAt(view: SheetView, row: number, col: number): string {
  const v = view.merged(row, col);
  return typeof v === "string" ? v.trim() : v === null ? "" : String(v);
}
