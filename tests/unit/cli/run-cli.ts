import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { makeId } from "../../fixtures/ids.js";

const ROOT = new URL("../../../", import.meta.url).pathname;

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/party-ledger.mjs …` as a user would, from the project root. */
export function runCli(args: string[]): CliRun {
  const r = spawnSync(process.execPath, [join(ROOT, "bin/party-ledger.mjs"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "party-ledger-cli-"));
}

/** A roster with two wrong ID numbers and a sex outside 男/女: error findings. */
export async function writeRosterWithErrors(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("花名册");
  ws.addRow(["姓名", "性别", "身份证号码", "党籍状态", "入党时间", "转正时间"]);
  ws.addRow(["张三", "女", "110105194912310021", "正式党员", new Date(Date.UTC(2010, 5, 1)), new Date(Date.UTC(2011, 5, 1))]);
  ws.addRow(["李四", "男性", "11010519491231002X", "正式党员", new Date(Date.UTC(2012, 5, 1)), new Date(Date.UTC(2013, 5, 1))]);
  // formatting the annotator must keep on a cell it does not touch
  const name = ws.getCell("A2");
  name.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } };
  name.font = { bold: true, color: { argb: "FF1F4E79" }, name: "宋体", size: 12 };
  name.border = { top: { style: "thin" }, bottom: { style: "double", color: { argb: "FFFF0000" } } };
  // same look on the offending ID cell: ExcelJS shares style objects between such cells
  ws.getCell("C2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } };
  ws.getCell("C2").font = { bold: true, color: { argb: "FF1F4E79" }, name: "宋体", size: 12 };
  ws.getCell("A3").note = "原有批注";
  ws.getColumn(3).width = 24;
  await wb.xlsx.writeFile(path);
}

/** A roster that breaks no rule (IDs from the GB 11643 examples' area, check digits computed). */
export async function writeCleanWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("花名册");
  ws.addRow(["姓名", "性别", "身份证号码", "党籍状态", "入党时间", "转正时间"]);
  ws.addRow(["王五", "男", makeId("1970-01-01", true, 1, "110105"), "正式党员", new Date(Date.UTC(2000, 6, 1)), new Date(Date.UTC(2001, 6, 1))]);
  ws.addRow(["赵六", "女", makeId("1975-02-02", false, 2, "110105"), "正式党员", new Date(Date.UTC(2005, 6, 1)), new Date(Date.UTC(2006, 6, 1))]);
  await wb.xlsx.writeFile(path);
}

/** A workbook whose only sheet matches no ledger: nothing in it can be checked. */
export async function writeUnrecognisedWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("杂项");
  ws.addRow(["品名", "数量"]);
  ws.addRow(["苹果", 3]);
  await wb.xlsx.writeFile(path);
}
