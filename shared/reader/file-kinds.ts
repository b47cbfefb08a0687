import type { SpreadsheetApp } from "../xlsx/errors.js";

/**
 * The file names every host accepts: the CLI's folder walk, the web mode's picker and the
 * Worker's upload route all read this list, so they offer exactly what the reader reads.
 * The reader itself goes by content (see sniff-format.ts); the name only breaks ties
 * (a text file is a CSV) and picks the wording of messages (WPS's menus for WPS files).
 */
export const READABLE_EXTENSIONS = [".xlsx", ".xlsm", ".xltx", ".xls", ".xlt", ".et", ".ett", ".ods", ".csv", ".txt"] as const;

/** The `accept` attribute of a file picker: the extensions plus the MIME types browsers report for them. */
export const PICKER_ACCEPT = [
  ...READABLE_EXTENSIONS,
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.ms-excel",
  "application/vnd.oasis.opendocument.spreadsheet",
  "text/csv",
].join(",");

/** MIME types an upload may declare, beside application/octet-stream and multipart/form-data. */
export const UPLOAD_MEDIA_TYPES = [
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.ms-excel.sheet.macroEnabled.12",
  "application/vnd.ms-excel",
  "application/vnd.oasis.opendocument.spreadsheet",
  "text/csv",
  "text/plain",
] as const;

/** The lower-case extension of a file name (".xlsx"), or "" when it has none. */
export function extensionOf(fileName: string | undefined): string {
  if (!fileName) return "";
  const base = fileName.slice(Math.max(fileName.lastIndexOf("/"), fileName.lastIndexOf("\\")) + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot).toLowerCase() : "";
}

/** The file name without folders and extension: a CSV's one sheet is named after it. */
export function baseNameOf(fileName: string | undefined): string {
  if (!fileName) return "";
  const base = fileName.slice(Math.max(fileName.lastIndexOf("/"), fileName.lastIndexOf("\\")) + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(0, dot) : base;
}

export function isReadableName(fileName: string): boolean {
  return (READABLE_EXTENSIONS as readonly string[]).includes(extensionOf(fileName));
}

/** WPS 表格's own files (.et, and .ett templates) get WPS's menu names in messages. */
export function appFor(fileName: string | undefined): SpreadsheetApp {
  const ext = extensionOf(fileName);
  return ext === ".et" || ext === ".ett" ? "wps" : "excel";
}

export const TEXT_EXTENSIONS: readonly string[] = [".csv", ".txt"];

/** Files that sit beside workbooks and are not ledgers, with why a folder walk passes them by. */
export type SkipReason = "office-lock-file" | "not-a-spreadsheet";

export function skipReasonFor(fileName: string): SkipReason | null {
  const base = fileName.slice(Math.max(fileName.lastIndexOf("/"), fileName.lastIndexOf("\\")) + 1);
  // Excel and WPS leave "~$name.xlsx" while a workbook is open; LibreOffice ".~lock.name#".
  if (base.startsWith("~$") || base.startsWith(".~lock.")) return "office-lock-file";
  return isReadableName(base) ? null : "not-a-spreadsheet";
}
