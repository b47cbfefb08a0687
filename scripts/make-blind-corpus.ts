/**
 * Writes the blind corpus (tests/fixtures/blind/ledgers.ts) as real .xlsx files with ExcelJS —
 * merges, titles, number formats, real Excel dates beside dates typed as text, formulas with
 * their cached values, hidden columns and sheets, drop-down lists — and expected.json beside them.
 *
 *   node --import tsx scripts/make-blind-corpus.ts
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { unzipSync, zipSync } from "fflate";
import { blindCorpus, expectedOf } from "../tests/fixtures/blind/ledgers.js";
import type { BlindFile, Cell, Sheet } from "../tests/fixtures/blind/sheet.js";

const root = new URL("../tests/fixtures/blind/", import.meta.url).pathname;
const filesDir = join(root, "files");

const THIN = { style: "thin" as const, color: { argb: "FF000000" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function isObj(c: Cell): c is Exclude<Cell, string | number | null | undefined> {
  return typeof c === "object" && c !== null;
}

/** Display width of a cell's text: CJK counts double. */
function textWidth(c: Cell): number {
  let t: string;
  if (c === null || c === undefined) return 0;
  if (typeof c === "string") t = c;
  else if (typeof c === "number") t = String(c);
  else if ("date" in c) t = c.date;
  else if ("num" in c) t = String(c.num);
  else t = String(c.result);
  const line = t.split("\n").reduce((a, b) => (b.length > a.length ? b : a), "");
  let w = 0;
  for (const ch of line) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

function utcDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1));
}

function writeSheet(wb: ExcelJS.Workbook, s: Sheet, font: string): void {
  const ws = wb.addWorksheet(s.name, { state: s.state });
  const widths: number[] = [];
  for (const row of s.rows) {
    const xr = ws.getRow(row.r);
    row.cells.forEach((c, i) => {
      if (c === undefined) return;
      const cell = xr.getCell(i + 1);
      const colFmt = s.colFmt[i];
      if (c === null) {
        // an empty cell inside the table keeps its border
      } else if (!isObj(c)) {
        cell.value = c;
        if (typeof c === "number" && colFmt && row.role === "data") cell.numFmt = colFmt;
      } else if ("date" in c) {
        cell.value = utcDate(c.date);
        cell.numFmt = c.fmt ?? colFmt ?? "yyyy-mm-dd";
      } else if ("num" in c) {
        cell.value = c.num;
        cell.numFmt = c.fmt;
      } else {
        cell.value = { formula: c.formula, result: c.result };
        if (colFmt) cell.numFmt = colFmt;
      }
      if (row.role !== "title" && row.role !== "info" && row.role !== "note") widths[i] = Math.max(widths[i] ?? 0, textWidth(c));
    });
    const inTable = row.role === "header" || row.role === "data" || row.role === "section" || row.role === "total";
    for (let i = 0; i < (inTable ? s.tableEnd : row.cells.length); i++) {
      const cell = xr.getCell(i + 1);
      cell.font = { name: font, size: row.role === "title" ? 16 : 11, bold: row.role === "title" || row.role === "header" || row.role === "section" || row.role === "total" };
      if (inTable) cell.border = BORDER;
      const wrap = typeof row.cells[i] === "string" && (row.cells[i] as string).includes("\n");
      if (row.role === "title") cell.alignment = { horizontal: "center", vertical: "middle" };
      else if (row.role === "header") cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      else if (wrap) cell.alignment = { wrapText: true, vertical: "top" };
      if (row.role === "header" && !s.wps) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
    }
    if (row.role === "title") xr.height = 30;
  }
  for (const m of s.merges) ws.mergeCells(m);
  for (let i = 0; i < Math.max(s.tableEnd, widths.length); i++) {
    const col = ws.getColumn(i + 1);
    col.width = s.widths[i] ?? Math.min(40, Math.max(6, (widths[i] ?? 6) + 2));
    if (s.hiddenCols.includes(i)) col.hidden = true;
  }
  const dataRows = s.rows.filter((r) => r.role === "data").map((r) => r.r);
  for (const l of s.lists) {
    for (const r of dataRows) {
      ws.getCell(r, l.col + 1).dataValidation = { type: "list", allowBlank: true, formulae: [`"${l.values.join(",")}"`] };
    }
  }
  if (s.headerRows.length > 0) ws.views = [{ state: "frozen", ySplit: s.headerRows[s.headerRows.length - 1]!, xSplit: 0 }];
}

async function writeFile(f: BlindFile): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = f.wps ? "WPS 表格" : "Administrator";
  wb.lastModifiedBy = wb.creator;
  wb.created = new Date(Date.UTC(2025, 11, 20));
  wb.modified = new Date(Date.UTC(2025, 11, 28));
  const font = f.wps ? "宋体" : "等线";
  for (const s of f.sheets) writeSheet(wb, s, font);
  const buf = new Uint8Array(await wb.xlsx.writeBuffer());
  // Re-zipped with a fixed time on every entry, so writing the corpus again changes no byte.
  const entries = unzipSync(buf);
  writeFileSync(join(filesDir, f.file), zipSync(entries, { level: 6, mtime: new Date(Date.UTC(2025, 11, 28)) }));
}

async function main(): Promise<void> {
  const files = blindCorpus();
  const names = new Set<string>();
  for (const f of files) {
    if (names.has(f.file)) throw new Error(`two files named ${f.file}`);
    names.add(f.file);
  }
  mkdirSync(filesDir, { recursive: true });
  for (const old of readdirSync(filesDir)) if (old.endsWith(".xlsx")) rmSync(join(filesDir, old));
  for (const f of files) await writeFile(f);
  writeFileSync(join(root, "expected.json"), JSON.stringify(expectedOf(files), null, 1) + "\n");
  const sheets = files.flatMap((f) => f.sheets);
  const planted = sheets.reduce((a, s) => a + s.expect.planted.length, 0);
  const correct = sheets.reduce((a, s) => a + s.expect.correct.length, 0);
  console.log(`${files.length} files (${files.filter((f) => f.ledger).length} ledgers, ${files.filter((f) => !f.ledger).length} not), ${sheets.length} sheets, ${planted} planted errors, ${correct} cells right but unusual → ${filesDir}`);
}

await main();
