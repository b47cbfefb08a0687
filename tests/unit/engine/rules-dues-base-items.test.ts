import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { book, sheet } from "./grid-helpers.js";

/**
 * A dues sheet that shows the pay items of its base (domain-rules §1.3): the base is Σ included − Σ deducted, and
 * what the base leaves out (加班补贴, 奖励性绩效工资, 2017通知) is never in it. Expected values worked out by hand.
 */
const MONTHS = ["1月", "2月", "3月"];
// Enterprise (2008问答): 基本工资 + 岗位工资 + 月度奖金 in; 加班补贴 out; 个税 and 社保 taken off.
const ENTERPRISE = ["姓名", "基本工资", "岗位工资", "月度奖金", "加班补贴", "应扣个税", "应扣社保公积金", "缴费基数", "缴纳比例", "应缴党费", ...MONTHS];

function enterprise(rows: CellValue[][]) {
  return checkWorkbook(book(sheet("党费", [["某公司党支部2026年一季度党费缴纳明细"], ENTERPRISE, ...rows])), { asOf: "2026-03-31" });
}
const at = (r: ReturnType<typeof enterprise>, cell: string) => r.findings.filter((f) => f.cell === cell);

/** 应发项目 over B–E and 扣除项 over F–G; 姓名, 计缴基数, 交纳比例 and 月交纳额 down both header rows. */
const TWO_ROW_MERGES = [
  { r0: 1, c0: 1, r1: 1, c1: 4 },
  { r0: 1, c0: 5, r1: 1, c1: 6 },
  ...[0, 7, 8, 9].map((c) => ({ r0: 1, c0: c, r1: 2, c1: c })),
];

describe("the base is what its pay items give", () => {
  // 3000 + 1500 + 1000 − 100 − 400 = 5000 → 1% = 50.00
  const ok = (name: string): CellValue[] => [name, 3000, 1500, 1000, 300, 100, 400, 5000, "1%", 50, 50, 50, 50];

  it("rows whose base is the items' sum pass", () => {
    const r = enterprise([ok("甲"), ok("乙"), ok("丙")]);
    expect(r.sheets[0]!.kind).toBe("dues");
    expect(r.findings.filter((f) => f.code.startsWith("dues.base"))).toEqual([]);
  });

  it("a base that adds the 加班补贴 is told so, with the base the items give", () => {
    // 5000 + 300 加班补贴 = 5300 → the base is 5000.00
    const r = enterprise([ok("甲"), ok("乙"), ok("丙"), ["丁", 3000, 1500, 1000, 300, 100, 400, 5300, "1.5%", 79.5, 79.5, 79.5, 79.5]]);
    const base = at(r, "H6");
    expect(base).toHaveLength(1);
    expect(base[0]).toMatchObject({ code: "dues.baseHasExcluded", severity: "error", expected: "5000.00" });
    expect(base[0]!.message).toContain("加班补贴");
  });

  it("a base with a deduction not taken off names it", () => {
    // 5000 + 100 个税 not taken off = 5100
    const r = enterprise([ok("甲"), ok("乙"), ok("丙"), ["丁", 3000, 1500, 1000, 300, 100, 400, 5100, "1.5%", 76.5, 76.5, 76.5, 76.5]]);
    expect(at(r, "H6")[0]).toMatchObject({ code: "dues.baseNotDeducted", expected: "5000.00" });
    expect(at(r, "H6")[0]!.message).toContain("应扣个税");
  });

  it("another difference is said as a mismatch (two digits swapped: 5000 written 5090)", () => {
    const r = enterprise([ok("甲"), ok("乙"), ok("丙"), ["丁", 3000, 1500, 1000, 300, 100, 400, 5090, "1.5%", 76.35, 76.35, 76.35, 76.35]]);
    expect(at(r, "H6")[0]).toMatchObject({ code: "dues.baseItemsMismatch", expected: "5000.00" });
  });

  it("a sheet whose own 口径 is another (most rows disagree with the items) is not judged row by row", () => {
    // Only 个税 taken off on every row: 3000 + 1500 + 1000 − 100 = 5400.
    const other = (name: string): CellValue[] => [name, 3000, 1500, 1000, 300, 100, 400, 5400, "1.5%", 81, 81, 81, 81];
    const r = enterprise([other("甲"), other("乙"), other("丙"), ok("丁")]);
    expect(r.findings.filter((f) => f.code.startsWith("dues.base"))).toEqual([]);
  });

  it("a 事业单位 base leaves out the 奖励性绩效工资 and takes off 个税 and 五险一金, under a two-row header too", () => {
    const header1 = ["姓名", "应发项目", null, null, null, "扣除项", null, "计缴基数", "交纳比例", "月交纳额"];
    const header2 = [null, "岗位工资", "薪级工资", "基础性绩效工资", "奖励性绩效工资", "个人所得税", "五险一金", null, null, null];
    // 2000 + 1500 + 2000 − 100 − 900 = 4500 → 1% = 45.00; the 奖励性绩效 1200 is shown, not counted.
    const row = (name: string, base: number, dues: number): CellValue[] => [name, 2000, 1500, 2000, 1200, 100, 900, base, "1%", dues];
    const r = checkWorkbook(book(sheet("核定", [["某中学党支部2026年党费基数核定表"], header1, header2, row("甲", 4500, 45), row("乙", 4500, 45), row("丙", 4500, 45), row("丁", 5700, 85.5)], { merges: TWO_ROW_MERGES })), { asOf: "2026-01-31" });
    expect(r.sheets[0]!.kind).toBe("dues");
    const f = r.findings.filter((x) => x.cell === "H7");
    expect(f[0]).toMatchObject({ code: "dues.baseHasExcluded", expected: "4500.00" });
    expect(f[0]!.message).toContain("奖励性绩效工资");
  });
});

describe("a dues sheet with no month columns", () => {
  const HEADER = ["姓名", "人员类别", "月养老金", "计缴基数", "比例", "月缴纳额", "已交至", "备注"];
  function retirees(rows: CellValue[][]) {
    return checkWorkbook(book(sheet("离退休", [["某社区党委离退休党员党费缴纳情况（2025年）"], HEADER, ...rows])), { asOf: "2025-12-31" });
  }

  it("is read as one month's ledger: a retiree's pension above 5000 owes 1% (第五条)", () => {
    const r = retirees([
      ["甲", "退休", 4000, 4000, "0.5%", 20, "2025年12月"],
      ["乙", "退休", 5200, 5200, "0.5%", 26, "2025年12月"],
      ["丙", "退休", 3000, 3000, "0.5%", 15, "2025年12月"],
    ]);
    expect(r.sheets[0]!.kind).toBe("dues");
    expect(r.findings.find((f) => f.cell === "F4")).toMatchObject({ code: "dues.amountMismatch", expected: "52.00" });
  });

  it("已交至 seven months before the as-of month is a lapse risk (党章第九条); paid six months ahead is a warning", () => {
    const r = retirees([
      ["甲", "退休", 4000, 4000, "0.5%", 20, "2025年5月"],
      ["乙", "退休", 4000, 4000, "0.5%", 20, "2026年6月", "本人要求预交半年"],
      ["丙", "退休", 3000, 3000, "0.5%", 15, "2025年12月"],
    ]);
    expect(r.findings.find((f) => f.cell === "G3")).toMatchObject({ code: "dues.unpaidLapse", severity: "error" });
    expect(r.findings.find((f) => f.cell === "G3")!.message).toContain("7");
    expect(r.findings.find((f) => f.cell === "G4")).toMatchObject({ code: "dues.paidAhead", severity: "warning" });
    expect(r.findings.filter((f) => f.cell === "G5")).toEqual([]);
  });

  it("a 护理费 the note says the base includes is named; a base the note explains is left to it", () => {
    const r = retirees([
      ["甲", "退休", 4000, 4000, "0.5%", 20, "2025年12月"],
      ["乙", "退休", 4000, 4300, "0.5%", 21.5, "2025年12月", "含护理费300元"],
      ["丙", "退休", 6000, 1800, "0.5%", 9, "2025年12月", "原单位规定以养老金的30%为计缴基数"],
      ["丁", "退休", 3000, 3000, "0.5%", 15, "2025年12月"],
    ]);
    expect(r.findings.find((f) => f.cell === "D4")).toMatchObject({ code: "dues.baseHasExcluded", expected: "4000.00" });
    expect(r.findings.filter((f) => f.cell === "D5" && f.code.startsWith("dues.base"))).toEqual([]);
  });
});

describe("dues kept by the organisation that holds the membership", () => {
  it("no payments here for a member whose note says the dues go to the former branch: no lapse (2008规定第九条)", () => {
    const MONTHS6 = ["1月", "2月", "3月", "4月", "5月", "6月"];
    const r = checkWorkbook(
      book(
        sheet("党费", [
          ["某公司党支部2026年上半年党费缴纳明细"],
          ["姓名", "缴费基数", "应缴党费", ...MONTHS6, "备注"],
          ["甲", 3000, 15, 15, 15, 15, 15, 15, 15],
          ["乙", 3000, 15, null, null, null, null, null, null, "组织关系未转入，在原单位党组织交纳"],
        ]),
      ),
      { asOf: "2026-06-30" },
    );
    expect(r.findings.filter((f) => f.code.startsWith("dues.unpaid"))).toEqual([]);
    expect(r.findings.some((f) => f.code === "dues.paidElsewhere")).toBe(true);
  });
});

describe("an approximate amount", () => {
  it("约4千 is said as a rough figure that could not be checked, not as a mistyped amount", () => {
    const r = checkWorkbook(
      book(sheet("党费", [["某党支部2025年党费收缴明细"], ["姓名", "缴费基数", "交纳比例", "月交纳额", "已交至"], ["甲", 3000, "0.5%", 15, "2025年12月"], ["乙", "约4千", "0.5%", 20, "2025年12月"], ["丙", 4000, "1%", 40, "2025年12月"]])),
      { asOf: "2025-12-31" },
    );
    const f = r.findings.filter((x) => x.cell === "B4");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ code: "value.approximateMoney", severity: "info" });
  });
});
