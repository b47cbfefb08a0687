import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkWorkbook, parseA1, type CellValue } from "../../../shared/index.js";

/** Headers the templates know, so random grids often get recognised and their rules run. */
const HEADERS = ["姓名", "身份证号码", "入党时间", "转正时间", "党籍状态", "人员类别", "缴费基数", "月应缴党费", "1月", "2月", "3月", "4月", "会议类型", "实际会议时间", "应到人数", "实到人数", "评议结果", "优秀票数", "称职票数", "总人数", "排名", "确定为发展对象时间", "确定为入党积极分子时间", "缴费起始月份", "缴费截止月份", "缴费金额"];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...HEADERS),
  fc.string({ maxLength: 12 }),
  fc.double({ noNaN: false }),
  fc.integer({ min: -1000, max: 200_000 }),
  fc.boolean(),
  fc.constantFrom({ error: "#REF!" }, { error: "#N/A" }),
  fc.constantFrom("2024-02-29", "2019/7/1 14:30", "2019年7月1日", "１２３", "1.5%", "11010519491231002x", "注意事项：请按要求填写本表的每一个字段谢谢", "合计"),
);

const grid = fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 25 });

describe("properties of the engine over any grid", () => {
  it("never throws, and every finding's cell lies inside the sheet", () => {
    fc.assert(
      fc.property(grid, fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), (values, r0, c0) => {
        const width = Math.max(0, ...values.map((r) => r.length));
        const report = checkWorkbook({ sheets: [{ name: "S", values, origin: { row: r0, col: c0 } }] }, { asOf: "2025-12-31" });
        for (const f of report.findings) {
          if (f.cell === null) {
            expect(f.period !== null || f.column !== null).toBe(true);
            continue;
          }
          const at = parseA1(f.cell)!;
          expect(at.row).toBeGreaterThanOrEqual(r0);
          expect(at.row).toBeLessThan(r0 + values.length);
          expect(at.col).toBeGreaterThanOrEqual(c0);
          expect(at.col).toBeLessThan(c0 + width);
          expect(f.row).toBe(at.row + 1);
          expect(f.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("is deterministic: the same grid gives the same report", () => {
    fc.assert(
      fc.property(grid, (values) => {
        const a = checkWorkbook({ sheets: [{ name: "S", values }] }, { asOf: "2025-12-31" });
        const b = checkWorkbook({ sheets: [{ name: "S", values }] }, { asOf: "2025-12-31" });
        expect(b).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });
});
