import * as XLSX from "@e965/xlsx";
import type { CellValue, WorkbookGrid } from "../../shared/grid/types.js";
import type { CheckReport, Finding, Lang } from "../../shared/findings/types.js";
import type { FieldType, TemplateParsed } from "../../shared/template/schema.js";
import { renderMessage } from "../../shared/findings/render.js";
import { severityLabel } from "../../shared/findings/summary.js";
import { excelSerialToDay, toIso } from "../../shared/calendar/days.js";
import type { Bindings } from "../env.js";
import type { OrgRow } from "../db/orgs.js";
import type { SubmissionRow } from "../ledger/rows.js";
import { ApiError } from "./errors.js";
import { readStoredGrid } from "./stored-grid.js";
import { readStoredReport } from "./submission-blobs.js";

/**
 * A collection's export, bounded and stoppable: its size is known from the stored grids
 * before anything is read (refused above the cap with a clear message), and the items are
 * read one at a time, so a client that leaves stops the work at the next item.
 */
export type ExportFormat = "csv" | "json" | "xlsx";

const MB = 1024 * 1024;
/** Stored grid JSON an export may read: CSV and JSON are streamed; xlsx is built whole in memory. */
export const EXPORT_LIMIT_DEFAULTS = { streamed: 64 * MB, xlsx: 1 * MB };

/**
 * Exports run at low priority: after each submission read and written out, the export waits
 * PACE × the time that took, so it holds at most 1 / (1 + PACE) of the isolate while clerks
 * submit. An export is an admin's background job; a submission is a clerk waiting.
 */
export const EXPORT_PACE = 3;

/** Wait EXPORT_PACE × the time since `since` (performance.now()). */
export async function yieldAfter(since: number): Promise<void> {
  const spent = performance.now() - since;
  await new Promise((r) => setTimeout(r, Math.min(1000, Math.max(1, spent * EXPORT_PACE))));
}

export function exportLimitBytes(env: Bindings, format: ExportFormat): number {
  const configured = Number(format === "xlsx" ? env.EXPORT_XLSX_MAX_BYTES : env.EXPORT_MAX_BYTES);
  return configured > 0 ? configured : format === "xlsx" ? EXPORT_LIMIT_DEFAULTS.xlsx : EXPORT_LIMIT_DEFAULTS.streamed;
}

const mb = (n: number) => `${Math.round((n / MB) * 10) / 10} MB`;

export function exportTooLarge(limit: number, total: number, format: ExportFormat) {
  const hint = format === "xlsx" ? "请改用 CSV 格式，或只导出最新版本（versions=latest）" : "请只导出最新版本（versions=latest）";
  const hintEn = format === "xlsx" ? "use format=csv, or export only the latest versions (versions=latest)" : "export only the latest versions (versions=latest)";
  return new ApiError(413, "export_too_large", `导出内容超过 ${mb(limit)} 上限（至少 ${mb(total)}），${hint}`, `The export exceeds the ${mb(limit)} limit (at least ${mb(total)}); ${hintEn}`, {
    limitBytes: limit,
    atLeastBytes: total,
  });
}

/**
 * The export's size check, before any grid is read: one sum in the tenant's store (every row
 * knows the size of its grid as JSON), so nothing is asked of R2.
 */
export function assertExportSize(size: { bytes: number }, limit: number, format: ExportFormat): void {
  if (size.bytes > limit) throw exportTooLarge(limit, size.bytes, format);
}

export interface ExportItem {
  branchId: string;
  branch: OrgRow | undefined;
  submission: SubmissionRow;
  grid: WorkbookGrid;
  report: CheckReport;
}

export async function loadExportItem(env: Pick<Bindings, "BLOBS" | "LEDGER">, s: SubmissionRow, branch: OrgRow | undefined): Promise<ExportItem> {
  const [grid, report] = await Promise.all([readStoredGrid(env, s), readStoredReport(env, s)]);
  return { branchId: s.branch_id, branch, submission: s, grid, report };
}

/** A SheetJS cell, or null for an empty one. */
type OutCell = XLSX.CellObject | null;

const HEADERS = {
  zh: { data: ["支部编号", "支部名称", "报送版本", "工作表", "行号"], findings: ["支部编号", "支部名称", "报送版本", "级别", "代码", "工作表", "单元格", "期间", "说明"] },
  en: { data: ["Branch id", "Branch", "Version", "Sheet", "Row"], findings: ["Branch id", "Branch", "Version", "Severity", "Code", "Sheet", "Cell", "Period", "Message"] },
};

const DATE_FORMAT: Partial<Record<FieldType, string>> = { date: "yyyy-mm-dd", datetime: "yyyy-mm-dd hh:mm", month: "yyyy-mm" };

const str = (v: string): OutCell => ({ t: "s", v });
const plain = (v: string | number | null | undefined): OutCell => (v === null || v === undefined || v === "" ? null : typeof v === "number" ? { t: "n", v } : str(v));

/** A clerk's cell as the admin should see it: dates as dates, text (IDs) as text, errors as their text. */
function outCell(v: CellValue, type: FieldType | undefined, format: string | null | undefined): OutCell {
  if (v === null || v === "") return null;
  if (typeof v === "object") return str(v.error);
  if (typeof v === "boolean") return { t: "b", v };
  if (typeof v === "string") return str(v);
  const z = (type && DATE_FORMAT[type]) ?? (format && XLSX.SSF.is_date(format) ? "yyyy-mm-dd" : undefined);
  return z ? { t: "n", v, z } : { t: "n", v };
}

/** Field type of each sheet column, from the headers the engine matched and the collection's template. */
function columnTypes(item: ExportItem, sheet: string, template: TemplateParsed): Map<number, FieldType> {
  const types = new Map<number, FieldType>();
  const rep = item.report.sheets.find((r) => r.sheet === sheet);
  for (const m of rep?.matched ?? []) {
    const field = template.fields.find((f) => f.name === m.field);
    if (field) types.set(XLSX.utils.decode_col(m.column), field.type);
  }
  return types;
}

export interface ExportTables {
  dataHeader: OutCell[];
  data: OutCell[][];
  findingsHeader: OutCell[];
  findings: OutCell[][];
}

/** The header row of the data table: branch columns, then the first sheet's own header. */
export function dataHeader(first: ExportItem | undefined, lang: Lang): OutCell[] {
  const sheet = first?.grid.sheets[0];
  const rep = sheet ? first!.report.sheets.find((r) => r.sheet === sheet.name) : undefined;
  const idx = rep?.headerRow ? rep.headerRow - 1 - (sheet!.origin?.row ?? 0) : -1;
  const own = idx >= 0 ? (sheet!.values[idx] ?? []) : [];
  return [...HEADERS[lang].data.map(str), ...own.map((h) => (h === null || typeof h === "object" ? null : str(String(h))))];
}

export const findingsHeader = (lang: Lang): OutCell[] => HEADERS[lang].findings.map(str);

/** Data rows under the header the engine found (every row when none), and the findings, of one submission. */
export function itemRows(item: ExportItem, template: TemplateParsed, lang: Lang): { data: OutCell[][]; findings: OutCell[][] } {
  const lead = (i: ExportItem): OutCell[] => [str(i.branchId), plain(i.branch?.name ?? ""), plain(i.submission.version)];
  const data: OutCell[][] = [];
  for (const sheet of item.grid.sheets) {
    const rep = item.report.sheets.find((r) => r.sheet === sheet.name);
    const r0 = sheet.origin?.row ?? 0;
    const c0 = sheet.origin?.col ?? 0;
    const headerIdx = rep?.headerRow ? rep.headerRow - 1 - r0 : -1;
    const types = columnTypes(item, sheet.name, template);
    sheet.values.forEach((values, i) => {
      if (i <= headerIdx || !values.some((v) => v !== null && v !== "")) return;
      const formats = sheet.numberFormats?.[i];
      data.push([...lead(item), str(sheet.name), plain(r0 + i + 1), ...values.map((v, j) => outCell(v, types.get(c0 + j), formats?.[j]))]);
    });
  }
  const findings = item.report.findings.map((f: Finding) => [
    ...lead(item),
    str(severityLabel(f.severity, lang)),
    str(f.code),
    str(f.sheet),
    plain(f.cell ?? ""),
    plain(f.period ?? ""),
    str(lang === "zh" || !f.args ? f.message : renderMessage(f.code, lang, f.args)),
  ]);
  return { data, findings };
}

/** The characters a spreadsheet reads as the start of a formula (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Digit strings Excel would change when it opens a CSV: long ones (IDs, to 4.40106E+17) and ones with a leading zero. */
const EXCEL_NUMBER_TEXT = /^(?:\d{12,}[\dXx]?|0\d+)$/;

/**
 * One CSV field's text. Text that would start a formula is prefixed with an apostrophe, as
 * OWASP recommends; digit strings Excel would turn into numbers keep a leading tab so they
 * stay text; dates are written as 2025-03-01, which Excel reads as a date.
 */
export function csvText(cell: OutCell): string | number | boolean | null {
  if (!cell) return null;
  if (cell.t === "n") {
    const v = cell.v as number;
    if (typeof cell.z === "string" && XLSX.SSF.is_date(cell.z)) return cell.z === "yyyy-mm-dd" ? toIso(excelSerialToDay(v)) : XLSX.SSF.format(cell.z, v);
    return v;
  }
  if (cell.t === "b") return cell.v as boolean;
  const s = String(cell.v);
  if (FORMULA_START.test(s)) return `'${s}`;
  if (EXCEL_NUMBER_TEXT.test(s)) return `\t${s}`;
  return s;
}

/**
 * Rows → CSV lines with SheetJS's own writer, after `csvText` on every cell. Every field is
 * quoted: SheetJS would otherwise leave a field holding a bare line feed unquoted (it looks
 * only for the first character of the row separator), which splits a row in two.
 */
export function csvLines(rows: OutCell[][]): string {
  if (!rows.length) return "";
  const ws = XLSX.utils.aoa_to_sheet(rows.map((r) => r.map(csvText)));
  return XLSX.utils.sheet_to_csv(ws, { rawNumbers: true, RS: "\r\n", blankrows: true, forceQuotes: true }) + "\r\n";
}

/** The xlsx export: two sheets, 报送数据 and 问题清单, cells typed (dates formatted, IDs as text). */
export function xlsxBytes(tables: ExportTables, lang: Lang): Uint8Array<ArrayBuffer> {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([tables.dataHeader, ...tables.data]), lang === "zh" ? "报送数据" : "Submissions");
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([tables.findingsHeader, ...tables.findings]), lang === "zh" ? "问题清单" : "Findings");
  return new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
}

/**
 * A body produced one item at a time, on demand: nothing is read ahead of what the client
 * takes, and when the client goes away (the stream is cancelled or the request aborted)
 * no further item is read.
 */
export function pulledStream(next: () => Promise<string | null>, signal?: AbortSignal, onError?: (e: unknown) => string): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (signal?.aborted) return controller.close();
        const started = performance.now();
        let chunk: string | null;
        try {
          chunk = await next();
          if (chunk !== null) await yieldAfter(started);
        } catch (e) {
          // Bytes already went out with a 200: say so in the body where the format allows, then
          // fail the stream, so the download is never taken for a complete one.
          const last = onError?.(e);
          if (last) controller.enqueue(enc.encode(last));
          controller.error(e);
          return;
        }
        if (chunk === null) controller.close();
        else controller.enqueue(enc.encode(chunk));
      },
    },
    { highWaterMark: 0 },
  );
}

/** The CSV line that ends an export cut short (a stored blob missing mid-way), in the admin's language. */
export function csvFailureLine(e: unknown, lang: Lang): string {
  const zh = e instanceof ApiError ? e.messageZh : "服务器内部错误";
  const en = e instanceof ApiError ? e.messageEn : "internal error";
  return csvLines([[str(lang === "zh" ? `导出未完成：${zh}` : `Export incomplete: ${en}`)]]);
}
