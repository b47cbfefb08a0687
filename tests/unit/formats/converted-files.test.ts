import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../../shared/index.js";
import { readWorkbookFile } from "../../../shared/reader/index.js";
import { BUILTIN_TEMPLATES } from "../../../shared/template/builtin/index.js";
import { Template, type TemplateParsed } from "../../../shared/template/schema.js";
import type { SheetGrid } from "../../../shared/grid/types.js";
import { CORPUS_DIR } from "../../fixtures/formats/make-format-corpus.js";
import { rosterForCsv, unitCodesForCsv } from "../../fixtures/formats/converted-ledgers.js";
import { makeId } from "../../fixtures/ids.js";

/**
 * A file converted badly, told apart from a ledger kept badly: the roster CSV that LibreOffice
 * (like Excel) saved as .xlsx with its IDs turned into numbers, and a unit register whose
 * six-digit codes lost their leading zeros the same way.
 */
const file = (name: string) => readWorkbookFile(new Uint8Array(readFileSync(join(CORPUS_DIR, "from-csv", name))), { fileName: name });
const roster = rosterForCsv();
const asOf = "2025-12-31";
const summary = (findings: { cell: string | null; code: string }[]) => findings.map((f) => `${f.cell ?? "column"}|${f.code}`).sort();

describe("a roster CSV saved as .xlsx: IDs turned into numbers", () => {
  it("gives one finding for the ID column, and still the check-digit and duplicate errors on the rows that kept their IDs as text", () => {
    const report = checkWorkbook(file("花名册-由CSV另存.xlsx"), { asOf });
    expect(summary(report.findings)).toEqual(summary(roster.plantedAfterXlsx));
    const column = report.findings.find((f) => f.code === "id.columnAsNumber")!;
    expect(column).toMatchObject({ cell: null, row: null, column: "身份证号码", severity: "error", field: "idNumber" });
    expect(column.message).toBe(`身份证号码列已被存成数字（${roster.numericIds} 行），末位已丢失：请把该列设为文本后重新录入或从原始文件导出`);
    expect(report.findings.some((f) => f.code === "id.asNumber")).toBe(false);
  });

  it("finds only the planted errors in the CSV itself and in the workbook the clerk typed", () => {
    for (const name of ["花名册.csv", "花名册-原始.xlsx"]) expect(summary(checkWorkbook(file(name), { asOf }).findings)).toEqual(summary(roster.plantedInCsv));
  });

  it("reports a few IDs stored as numbers cell by cell: below the rule set's share they are the ledger's own mistakes", () => {
    const findings = checkWorkbook(rosterWithThreeNumericIds(), { asOf, template: { id: "roster" } }).findings;
    expect(findings.filter((f) => f.code === "id.asNumber").map((f) => f.cell)).toEqual(["B3", "B4", "B5"]);
    expect(findings.some((f) => f.code === "id.columnAsNumber")).toBe(false);
  });
});

/** A roster of ten with three IDs typed as numbers: 30 % of the column, under the default 50 %. */
function rosterWithThreeNumericIds() {
  const rows: (string | number)[][] = [["姓名", "身份证号码", "性别", "出生日期"]];
  for (let i = 0; i < 10; i++) {
    const birth = `1990-01-${String(i + 10).padStart(2, "0")}`;
    rows.push([`党员${i}`, i >= 1 && i <= 3 ? 420106199001100000 + i * 1000 : makeId(birth, true, i), "男", birth]);
  }
  return { sheets: [{ name: "花名册", values: rows }] };
}

/** A template for a unit register whose codes have six digits: templates are data. */
function unitTemplate(): TemplateParsed {
  return Template.parse({
    id: "units",
    version: 1,
    kind: "roster", // a department's own register, checked as a roster-kind ledger
    title: "单位代码表",
    titleEn: "Unit codes",
    fields: [
      { name: "unitCode", title: "单位代码", titleEn: "Unit code", type: "string", aliases: [], weight: 2, constraints: { required: true, minLength: 6, maxLength: 6, unique: true } },
      { name: "unitName", title: "单位名称", titleEn: "Unit name", type: "string", aliases: [], weight: 1 },
      { name: "head", title: "负责人", titleEn: "Head", type: "string", aliases: [], weight: 0.5 },
    ],
    rules: [],
  });
}

describe("codes that lost their leading zeros", () => {
  const units = unitCodesForCsv();
  const zeroLed = units.codes.filter((c) => c.startsWith("0"));

  it("is one finding for the column when the template says the codes have six digits", () => {
    const report = checkWorkbook(file("单位代码-由CSV另存.xlsx"), { asOf, templates: [...BUILTIN_TEMPLATES, unitTemplate()] });
    expect(report.sheets[0]!.template?.id).toBe("units");
    expect(summary(report.findings)).toEqual(["column|code.leadingZerosLost"]);
    expect(report.findings[0]!.message).toBe(`单位代码列有 ${zeroLed.length} 个代码丢了开头的 0（应为 6 位，如“020100”变成了“20100”）：请把该列设为文本后从原始文件重新导出`);
  });

  it("is nothing in the CSV, which keeps the codes as typed", () => {
    const grid = file("单位代码.csv");
    expect(grid.sheets[0]!.values.slice(1).map((r) => r[0])).toEqual(units.codes);
    expect(checkWorkbook(grid, { asOf, templates: [...BUILTIN_TEMPLATES, unitTemplate()] }).findings).toEqual([]);
  });

  it("is found by the sheet's own drop-down list of codes, in place of one 'not in the list' per cell", () => {
    const sheet: SheetGrid = {
      name: "评议",
      values: [["学工号", "姓名", "评议结果"], [20101, "甲", "合格"], ["020102", "乙", "合格"], [20103, "丙", "合格"], [99, "丁", "合格"]],
      validations: [{ ranges: [{ r0: 1, c0: 0, r1: 99, c1: 0 }], values: ["020101", "020102", "020103"] }],
    };
    const report = checkWorkbook({ sheets: [sheet] }, { asOf, template: { id: "appraisal" } });
    const codes = report.findings.filter((f) => f.field === "memberId");
    // 20101 and 20103 lost a zero; 99 is no code of the list even with zeros, and stays a cell finding.
    expect(summary(codes)).toEqual(["A5|value.notInList", "column|code.leadingZerosLost"]);
    expect(codes.find((f) => f.code === "code.leadingZerosLost")!.args).toMatchObject({ count: 2, length: 6, value: "20101", example: "020101" });
  });
});
