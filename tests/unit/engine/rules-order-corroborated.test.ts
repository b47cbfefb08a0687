import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { book, sheet } from "./grid-helpers.js";

/**
 * 预审 must come before the 支部大会 that admits (细则第十九条; domain-rules.md G8/G9). When the record states the
 * admission's day a second time — 预备期满时间 a year after it (细则第三十二条) — the admission is not the day to
 * fix: the 预审 after it is said at its own cell. With nothing to back the admission, it is said as before.
 */
const header = ["姓名", "确定为发展对象时间", "政治审查结论时间", "上级党委预审时间", "支部大会讨论接收时间", "上级党委审批时间", "预备期满时间"];

describe("a 预审 after the 支部大会 that admitted", () => {
  it("is said at the 预审 when the 预备期满时间 is a year after the admission", () => {
    const rows: CellValue[][] = [
      ["发展党员工作台账"],
      header,
      // 预审 2024-09-22 after the 支部大会 2024-09-12; 预备期满 2025-09-12 backs the admission.
      ["周涛", "2023-06-12", "2023-08-11", "2024-09-22", "2024-09-12", "2024-10-12", "2025-09-12"],
      ["吴丽", "2023-06-12", "2023-08-11", "2024-08-20", "2024-09-12", "2024-10-12", "2025-09-12"],
    ];
    const r = checkWorkbook(book(sheet("台账", rows)), { asOf: "2025-12-31" });
    const order = r.findings.filter((f) => f.code.startsWith("dates.order"));
    expect(order.map((f) => `${f.cell}:${f.code}`)).toEqual(["D3:dates.orderAfter"]);
    expect(order[0]!.message).toContain("2024-09-22");
  });
  it("is said at the admission when nothing backs its day", () => {
    const rows: CellValue[][] = [
      ["发展党员工作台账"],
      header,
      // No 预备期满时间: nothing backs the admission.
      ["周涛", "2023-06-12", "2023-08-11", "2024-09-22", "2024-09-12", "2024-10-12", null],
      ["吴丽", "2023-06-12", "2023-08-11", "2024-08-20", "2024-09-12", "2024-10-12", "2025-09-12"],
    ];
    const r = checkWorkbook(book(sheet("台账", rows)), { asOf: "2025-12-31" });
    expect(r.findings.filter((f) => f.code.startsWith("dates.order")).map((f) => `${f.cell}:${f.code}`)).toEqual(["E3:dates.order"]);
  });
});
