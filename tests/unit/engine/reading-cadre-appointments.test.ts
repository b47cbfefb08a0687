import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { book, sheet } from "./grid-helpers.js";

/**
 * A 干部任免审批表 (or 呈报表) lists cadres with 出生年月 and 入党时间 like a roster, but what it is about is
 * the post each leaves and the one proposed (原任 / 拟任（免）职务, 任免文号): not a branch's ledger, so
 * never checked as a 党员花名册 (and never reported clean).
 */
const people: CellValue[][] = [
  [1, "陈卫东", "男", "1975.04", "1998.07", "大学"],
  [2, "林小芳", "女", "1982.11", "2006.06", "研究生"],
  [3, "黄建军", "男", "1979.02", "2001.12", "大学"],
];

describe("a cadre appointment sheet", () => {
  it("with 现任职务, 拟任职务 and 拟免职务 is not a roster", () => {
    const rows: CellValue[][] = [
      ["某县委组织部干部任免呈报表"],
      ["序号", "姓名", "性别", "出生年月", "入党时间", "学历", "现任职务", "拟任职务", "拟免职务"],
      ...people.map((p, i) => [...p, `某局副局长${i}`, `某局局长${i}`, `某局副局长${i}`]),
    ];
    const r = checkWorkbook(book(sheet("呈报", rows)), { asOf: "2025-12-31" });
    expect(r.sheets[0]!.status).toBe("unrecognised");
    expect(r.findings).toEqual([]);
  });

  it("with 原任职务, 任免类型 and 文号 neither", () => {
    const rows: CellValue[][] = [
      ["干部任免审批表（第3批）"],
      ["序号", "姓名", "性别", "出生年月", "入党时间", "学历", "原任职务", "任免类型", "文号"],
      ...people.map((p, i) => [...p, `某乡副乡长${i}`, "任职", `某组干〔2025〕${i + 10}号`]),
    ];
    const r = checkWorkbook(book(sheet("任免", rows)), { asOf: "2025-12-31" });
    expect(r.sheets[0]!.status).toBe("unrecognised");
  });

  it("a roster with the same personal columns and a 党籍状态 is still a roster", () => {
    const rows: CellValue[][] = [
      ["某局机关党支部党员花名册"],
      ["序号", "姓名", "性别", "出生年月", "入党时间", "学历", "党籍状态"],
      ...people.map((p) => [...p, "正式党员"]),
    ];
    const r = checkWorkbook(book(sheet("花名册", rows)), { asOf: "2025-12-31" });
    expect(r.sheets[0]!.kind).toBe("roster");
  });
});
