import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readWorkbook } from "../../../shared/xlsx/index.js";
import { buildXlsx, rowXml } from "../../fixtures/xlsx-parts.js";

async function excelJsBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("list validations (drop-downs)", () => {
  it("reads inline lists, same-sheet ranges, other-sheet ranges and defined names (ExcelJS-built)", async () => {
    const bytes = await excelJsBytes((wb) => {
      const ws = wb.addWorksheet("台账");
      ws.addRow(["姓名", "会议类型", "党籍状态", "性别", "评议"]);
      ws.addRow(["张三", "党课", "正式党员", "男", "优秀"]);
      ws.getCell("H1").value = "甲";
      ws.getCell("H2").value = "乙";
      ws.getCell("H3").value = 3;
      const lists = wb.addWorksheet("选项 表");
      lists.state = "hidden";
      ["正式党员", "预备党员", "正式党员"].forEach((v, i) => (lists.getCell(`A${i + 1}`).value = v));
      wb.definedNames.add("'选项 表'!$B$1:$B$2", "评议等次");
      lists.getCell("B1").value = "优秀";
      lists.getCell("B2").value = "合格";
      const list = (formula: string) => ({ type: "list" as const, allowBlank: true, formulae: [formula] });
      ws.getCell("B2").dataValidation = list('"支部党员大会,支部委员会, 党小组会,党课"');
      ws.getCell("C2").dataValidation = list("'选项 表'!$A$1:$A$3");
      ws.getCell("D2").dataValidation = list('"男,女"');
      ws.getCell("E2").dataValidation = list("评议等次");
      ws.getCell("F2").dataValidation = list("$H$1:$H$3");
      ws.getCell("G2").dataValidation = list("INDIRECT(A2)");
    });
    const [sheet, hidden] = readWorkbook(bytes).sheets;
    expect(hidden!.hidden).toBe(true);
    const byCol = Object.fromEntries(sheet!.validations!.map((v) => [v.ranges[0]!.c0, v.values]));
    expect(byCol[1]).toEqual(["支部党员大会", "支部委员会", "党小组会", "党课"]);
    expect(byCol[2]).toEqual(["正式党员", "预备党员"]); // duplicates dropped
    expect(byCol[3]).toEqual(["男", "女"]);
    expect(byCol[4]).toEqual(["优秀", "合格"]);
    expect(byCol[5]).toEqual(["甲", "乙", "3"]);
    expect(byCol[6]).toBeUndefined(); // INDIRECT cannot be evaluated: left out, not guessed
    expect(sheet!.validations![0]!.ranges).toEqual([{ r0: 1, c0: 1, r1: 1, c1: 1 }]);
  });

  it("reads the Excel 2010 x14 form in extLst, and quoted list items with doubled quotes", () => {
    const x14 = `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>名单!$A$1:$A$2</xm:f></x14:formula1><xm:sqref>B2:B100</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>`;
    const classic = `<dataValidations count="2"><dataValidation type="list" sqref="C2:C9 E2"><formula1>"说""明"",其他"</formula1></dataValidation><dataValidation type="whole" sqref="D2"><formula1>1</formula1></dataValidation></dataValidations>`;
    const bytes = buildXlsx([
      { name: "台账", body: `<sheetData>${rowXml(1, ["姓名", "类型", "说明"])}${rowXml(2, ["张三", "甲", "x"])}</sheetData>${classic}${x14}` },
      { name: "名单", body: `<sheetData>${rowXml(1, ["甲"])}${rowXml(2, ["乙"])}</sheetData>` },
    ]);
    const v = readWorkbook(bytes).sheets[0]!.validations!;
    expect(v).toEqual([
      { ranges: [{ r0: 1, c0: 2, r1: 8, c1: 2 }, { r0: 1, c0: 4, r1: 1, c1: 4 }], values: ['说"明"', "其他"] },
      { ranges: [{ r0: 1, c0: 1, r1: 99, c1: 1 }], values: ["甲", "乙"] },
    ]);
  });

  it("reads a whole-column list source without walking a million rows", () => {
    const bytes = buildXlsx([
      {
        name: "台账",
        body: `<sheetData>${rowXml(1, ["姓名"])}</sheetData><dataValidations count="1"><dataValidation type="list" sqref="A2:A1048576"><formula1>$Z:$Z</formula1></dataValidation></dataValidations>`,
      },
    ]);
    const t = performance.now();
    expect(readWorkbook(bytes).sheets[0]!.validations).toEqual([{ ranges: [{ r0: 1, c0: 0, r1: 1048575, c1: 0 }], values: [] }]);
    expect(performance.now() - t).toBeLessThan(500);
  });
});
