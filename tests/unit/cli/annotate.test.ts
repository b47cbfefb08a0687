import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { unzipSync, strFromU8 } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { readWorkbook } from "../../../shared/xlsx/index.js";
import { runCli, tempDir, writeRosterWithErrors } from "./run-cli.js";
import { SAMPLES_DIR } from "../../fixtures/samples-dir.js";

let dir: string;
let roster: string;

beforeAll(async () => {
  dir = tempDir();
  roster = join(dir, "花名册.xlsx");
  await writeRosterWithErrors(roster);
});

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

describe("--annotate", { timeout: 180_000 }, () => {
  it("fills and notes offending cells, keeps everything else, and lists all findings", async () => {
    const out = join(dir, "annotated");
    const r = runCli(["check", roster, "--annotate", out, "--as-of", "2025-12-31"]);
    expect(r.code).toBe(1);
    const wb = await load(join(out, "花名册.xlsx"));
    const ws = wb.getWorksheet("花名册")!;

    // untouched cell: own fill, font, border and value as before
    const a2 = ws.getCell("A2");
    expect(a2.value).toBe("张三");
    expect(a2.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } });
    expect(a2.font).toMatchObject({ bold: true, color: { argb: "FF1F4E79" }, name: "宋体", size: 12 });
    expect(a2.border.bottom).toMatchObject({ style: "double", color: { argb: "FFFF0000" } });
    expect(ws.getColumn(3).width).toBe(24);

    // offending cell: light red fill, a note with the message, its value and font kept
    const c2 = ws.getCell("C2");
    expect(c2.value).toBe("110105194912310021");
    expect(c2.fill).toMatchObject({ fgColor: { argb: "FFFFC7CE" } });
    expect(c2.font).toMatchObject({ bold: true, name: "宋体" });
    const note = typeof c2.note === "string" ? c2.note : (c2.note?.texts ?? []).map((t) => t.text).join("");
    expect(note).toContain("身份证号码");
    // a note that was there stays, with ours appended
    const a3note = ws.getCell("A3").note;
    const a3 = typeof a3note === "string" ? a3note : (a3note?.texts ?? []).map((t) => t.text).join("");
    expect(a3.startsWith("原有批注")).toBe(true);

    const results = wb.getWorksheet("检查结果")!;
    expect(results.getRow(1).values).toEqual([undefined, "工作表", "单元格", "严重程度", "问题", "应为", "规则"]);
    expect(results.rowCount - 1).toBe(JSON.parse(runCli(["check", roster, "--format", "json", "--as-of", "2025-12-31"]).stdout).findings.length);

    // the original is untouched
    expect(readWorkbook(new Uint8Array(readFileSync(roster))).sheets).toHaveLength(1);
  });

  it("keeps whole-column drop-downs of a real template, quickly", async () => {
    const sample = join(SAMPLES_DIR, "[sample_pm_eva_result]组织生活管理-评议结果导入样表.xlsx");
    const out = join(dir, "samples");
    const t = performance.now();
    const r = runCli(["check", sample, "--annotate", out]);
    expect(performance.now() - t).toBeLessThan(15_000);
    // The template is a blank form (headers, a notice, no member): nothing was checked, exit 3.
    expect(r.code).toBe(3);
    const bytes = new Uint8Array(readFileSync(join(out, "[sample_pm_eva_result]组织生活管理-评议结果导入样表.xlsx")));
    const sheetXml = strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"]!);
    expect(sheetXml).toContain('sqref="D2:D1048576"');
    const grid = readWorkbook(bytes);
    expect(grid.sheets.map((s) => s.name)).toEqual(["Sheet1", "检查结果"]);
    expect(grid.sheets[0]!.validations!.map((v) => v.values)).toEqual([
      ["正式党员", "预备党员"],
      ["优秀", "合格", "基本合格", "不合格"],
    ]);
    expect(grid.sheets[0]!.merges).toEqual([{ r0: 3, c0: 1, r1: 9, c1: 6 }]);
  });
});
