import { readAnotherWayReport } from "./sheet-report.js";
import { a1, columnLetters } from "../grid/a1.js";
import type { SheetGrid } from "../grid/types.js";
import { readQuarterCounts, type QuarterCountRow, type QuarterCountTable } from "../detect/quarter-counts.js";
import { cellText } from "../detect/header-cells.js";
import { SheetView } from "../grid/sheet-view.js";
import { renderMessage } from "../findings/render.js";
import type { ColumnReport, Finding, Lang, SheetReport, Severity } from "../findings/types.js";
import { judgeCountSeries, type CountSeries } from "../rules/meetings/count-series.js";
import { DEFAULT_RULE_SET } from "../ruleset/default.js";
import { BUILTIN_TEMPLATES } from "../template/builtin/index.js";
import { resolveAsOf } from "./check-sheet.js";
import type { CheckOptions } from "./options.js";

/**
 * A sheet no ledger fits that is a 三会一课 table of counts by quarter: checked by counts. A quarter
 * must hold what the rule set asks of it (a monthly meeting three times, a quarterly one once), a
 * year what it asks of a year, and the 全年合计 must be the quarters' sum. Only quarters that have
 * ended by the as-of day are judged. Null when the sheet is no such table.
 */
export function checkQuarterCountSheet(sheet: SheetGrid, opts: CheckOptions, unrecognised: SheetReport): { report: SheetReport; findings: Finding[] } | null {
  if (opts.template) return null;
  const register = (opts.templates ?? BUILTIN_TEMPLATES).find((t) => t.kind === "meetings");
  if (!register) return null;
  const table = readQuarterCounts(sheet, (opts.ruleSet ?? DEFAULT_RULE_SET).meetings);
  if (!table) return null;
  const lang = opts.lang ?? "zh";
  const asOf = resolveAsOf(opts.asOf);
  const findings: Finding[] = [];
  const say = (code: string, severity: Severity, row: number, col: number, period: string | null, args: Record<string, string | number>) =>
    findings.push({ code, severity, sheet: sheet.name, cell: a1(row, col), row: row + 1, column: columnLetters(col), period, message: renderMessage(code, lang, args), args });
  const year = table.year ?? new Date(asOf * 86_400_000).getUTCFullYear();
  for (const row of table.rows) judgeCountSeries(seriesOf(table, row), year, asOf, lang, say);
  return { report: reportOf(sheet, table, register, unrecognised, lang), findings };
}

/** A row of the table (one type) as the series the count rule judges. */
function seriesOf(table: QuarterCountTable, row: QuarterCountRow): CountSeries {
  return { row: row.row, req: row.req, quarters: table.quarters, counts: row.counts, yearCol: table.totalCol, year: row.total };
}

function reportOf(sheet: SheetGrid, table: QuarterCountTable, register: (typeof BUILTIN_TEMPLATES)[number], unrecognised: SheetReport, lang: Lang): SheetReport {
  const view = new SheetView(sheet);
  const zh = lang === "zh";
  const header = (c: number) => cellText(view, table.headerRow, c);
  const columns: ColumnReport[] = [
    { column: columnLetters(table.labelCol), header: header(table.labelCol), field: "type", fieldTitle: zh ? "会议类型" : "Meeting type", confidence: 0.9, source: "both" },
    ...table.quarters.map((q) => ({ column: columnLetters(q.col), header: header(q.col), field: "count", fieldTitle: zh ? `开展次数（${q.month}—${q.month + 2}月）` : `Meetings held (months ${q.month}–${q.month + 2})`, confidence: 0.9, source: "both" as const })),
    ...(table.totalCol === null ? [] : [{ column: columnLetters(table.totalCol), header: header(table.totalCol), field: "yearTotal", fieldTitle: zh ? "全年合计" : "Year total", confidence: 0.9, source: "both" as const }]),
  ];
  const reason = zh ? "三会一课按季度统计的次数表：各类会议的季度次数按规则集的要求核对，全年合计按各季度之和核对" : "A 三会一课 table of counts by quarter: each type's quarterly counts checked against the rule set, the year total against their sum";
  return readAnotherWayReport(unrecognised, register, table.headerRow, columns, table.rows.length, reason);
}
