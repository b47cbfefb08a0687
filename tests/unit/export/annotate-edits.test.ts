import ExcelJS from "exceljs";
import { utils, write } from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import { annotateWorkbook } from "../../../shared/export/annotate-workbook.js";
import { checkWorkbook } from "../../../shared/index.js";
import { readWorkbook } from "../../../shared/xlsx/index.js";
import { idNumber } from "../../e2e/fixtures.js";

/** The pane's 下载 in web mode: the original file with the clerk's edits typed in, marked as --annotate marks. */
function workbook(): Uint8Array {
  const wb = utils.book_new();
  const id1 = idNumber("1980-05-06", 1);
  const id2 = idNumber("1982-07-08", 2);
  utils.book_append_sheet(
    wb,
    utils.aoa_to_sheet([
      ["姓名", "性别", "出生日期", "身份证号码", "入党时间", "转正时间"],
      ["张三", "男", "1980-05-06", id1, "2010-07-01", "2011-07-01"],
      ["李四", "男性", "1982-07-08", id2, "2012-07-01", "2013-07-01"],
    ]),
    "花名册",
  );
  utils.book_append_sheet(wb, utils.aoa_to_sheet([["备注"], ["第一季度已核对"]]), "说明");
  return new Uint8Array(write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
}

describe("annotateWorkbook with edits", () => {
  it("types the edits in, marks what is still wrong, and lists the sheets it did not check", async () => {
    const original = workbook();
    const grid = readWorkbook(original);
    // The clerk fixed B3 in the pane and broke A2.
    const edits = [
      { sheet: "花名册", cell: "B3", value: "女" },
      { sheet: "花名册", cell: "A2", value: null },
    ];
    const edited = structuredClone(grid);
    edited.sheets[0]!.values[2]![1] = "女";
    edited.sheets[0]!.values[1]![0] = null;
    const report = checkWorkbook(edited, { asOf: "2025-12-31" });
    expect(report.findings.map((f) => f.cell)).toContain("A2");

    const out = await annotateWorkbook(original, report, "zh", edits);
    // Read back: the edited values are what the pane showed.
    const back = readWorkbook(out);
    expect(back.sheets.find((s) => s.name === "花名册")!.values).toEqual(edited.sheets[0]!.values.map((r) => r.map((v) => v)));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet("花名册")!.getCell("A2").fill).toMatchObject({ fgColor: { argb: "FFFFC7CE" } });
    expect(wb.getWorksheet("花名册")!.getCell("B3").fill).not.toMatchObject({ fgColor: { argb: "FFFFC7CE" } });
    const results = wb.getWorksheet("检查结果")!;
    const lines = results.getSheetValues().flatMap((r) => (Array.isArray(r) ? [r.filter((x) => x !== undefined && x !== null && x !== "").join(" ")] : []));
    const sheetReport = report.sheets.find((s) => s.sheet === "说明")!;
    expect(sheetReport.status).not.toBe("checked");
    expect(lines.some((l) => l.includes("工作表「说明」未检查"))).toBe(true);
    expect(lines.some((l) => l.includes("未发现问题"))).toBe(false);
  });
});
