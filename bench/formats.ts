import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findSoffice } from "../tests/unit/crosscheck/libreoffice.js";
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

function writeCsv(name: string, rows: number): string {
  const file = join(OUT, name);
  writeFileSync(file, XLSX.utils.sheet_to_csv(XLSX.utils.aoa_to_sheet([["2025年度党费收缴台账"], ...duesRows(rows)])));
  return file;
}

/**
 * The .xls is written by LibreOffice from the CSV, ID and phone columns imported as text (SheetJS's
 * own BIFF8 writer took over 17 GB for this sheet). Null when soffice is not installed.
 */
function writeXls(csv: string): string | null {
  const soffice = findSoffice();
  if (!soffice) return null;
  const profile = mkdtempSync(join(tmpdir(), "dj-bench-lo-"));
  try {
    execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--infilter=CSV:44,34,76,1,2/2/3/2", "--convert-to", "xls", "--outdir", OUT, csv], { timeout: 600_000, stdio: "ignore" });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return csv.replace(/\.csv$/, ".xls");
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
  const xls = writeXls(writeCsv("dues-65k.csv", 65_000));
  return [
    ...(xls ? compare(".xls (BIFF8, written by LibreOffice)", xls, 65_000) : ["(d) .xls: skipped, soffice not installed (apt-get install -y libreoffice-calc-nogui)"]),
    ...compare(".csv (UTF-8)", writeCsv("dues-100k.csv", 100_000), 100_000),
  ];
}
