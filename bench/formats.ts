import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { cliAgainstReadAlone } from "./cli.js";
import { duesRows } from "./dues-ledger.js";

/**
 * (d) The other formats clerks' files come in (issue 14): the dues ledger as .xls and as
 * .csv, `party-ledger check` against SheetJS CE reading the same file alone, both as fresh
 * Node processes (time and peak RSS). An .xls holds at most 65,536 rows (BIFF8), so its
 * ledger has 65,000; the CSV has the full 100,000.
 */
const OUT = new URL("./out/", import.meta.url).pathname;

function write(name: string, rows: number, bookType: "xls" | "csv"): string {
  const file = join(OUT, name);
  const sheet = XLSX.utils.aoa_to_sheet([["2025年度党费收缴台账"], ...duesRows(rows)]);
  if (bookType === "csv") writeFileSync(file, XLSX.utils.sheet_to_csv(sheet));
  else {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, sheet, "2025年党费");
    writeFileSync(file, XLSX.write(wb, { type: "buffer", bookType }));
  }
  return file;
}

function compare(label: string, file: string, rows: number): string[] {
  const { c, a, cRss, aRss, cliRuns } = cliAgainstReadAlone(file);
  const mb = statSync(file).size / 1024 / 1024;
  return [
    `(d) ${label}: ${rows.toLocaleString("en")}-row dues ledger (${mb.toFixed(1)} MB), median of 3 fresh processes`,
    `    party-ledger check --format json: ${(c / 1000).toFixed(2)} s (exit ${cliRuns[0]!.status}), SheetJS CE read + sheet_to_json alone: ${(a / 1000).toFixed(2)} s, ratio ${(c / a).toFixed(2)}×`,
    `    peak memory (max RSS): CLI ${cRss.toFixed(0)} MB, read-alone ${aRss.toFixed(0)} MB (ratio ${(cRss / aRss).toFixed(2)}×)`,
  ];
}

export async function benchFormats(): Promise<string[]> {
  mkdirSync(OUT, { recursive: true });
  return [...compare(".xls (BIFF8)", write("dues-65k.xls", 65_000, "xls"), 65_000), ...compare(".csv (UTF-8)", write("dues-100k.csv", 100_000, "csv"), 100_000)];
}
