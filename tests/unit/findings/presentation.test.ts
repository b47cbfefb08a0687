import { describe, expect, it } from "vitest";
import { collectionAsOf, comparePeriods, periodEnd, periodLabel } from "../../../shared/calendar/period-order.js";
import { determinedFix } from "../../../shared/findings/fix.js";
import { formatCounts, groupDigits } from "../../../shared/findings/summary.js";
import type { Finding } from "../../../shared/findings/types.js";
import { checkSheet } from "../../../shared/index.js";

describe("periods sorted and named as periods", () => {
  it("orders by first month, a longer period before the shorter ones it starts", () => {
    const shuffled = ["2025-09", "2025-Q3", "2024", "2025-07", "2025-H2", "2025", "2025-08", "2025-Q1", "2025-01", "整表", "2025-12"];
    expect([...shuffled].sort(comparePeriods)).toEqual(["2024", "2025", "2025-Q1", "2025-01", "2025-H2", "2025-Q3", "2025-07", "2025-08", "2025-09", "2025-12", "整表"]);
  });

  it("sorts a run of months by where it starts", () => {
    expect(["2019-05", "2019-02..2019-12", "2019-01"].sort(comparePeriods)).toEqual(["2019-01", "2019-02..2019-12", "2019-05"]);
  });

  it("names periods as a clerk says them", () => {
    expect(periodLabel("2025-Q3", "zh")).toBe("2025 年第三季度");
    expect(periodLabel("2025-09", "zh")).toBe("2025 年 9 月");
    expect(periodLabel("2025-H1", "zh")).toBe("2025 年上半年");
    expect(periodLabel("2025", "zh")).toBe("2025 年");
    expect(periodLabel("2019-02..2019-12", "zh")).toBe("2019 年 2 月至 12 月");
    expect(periodLabel("2019-11..2020-02", "zh")).toBe("2019 年 11 月至 2020 年 2 月");
    expect(periodLabel("2025-Q3", "en")).toBe("Q3 2025");
    expect(periodLabel("2025-09", "en")).toBe("Sep 2025");
    expect(periodLabel("第二党小组", "zh")).toBe("第二党小组");
  });

  it("gives a collection's as-of day: the period's last day once past, else today", () => {
    expect(periodEnd("2024-02")).toBe("2024-02-29");
    expect(periodEnd("2025-H1")).toBe("2025-06-30");
    expect(collectionAsOf("2024", "2025-06-10")).toBe("2024-12-31");
    expect(collectionAsOf("2025-Q4", "2025-06-10")).toBe("2025-06-10");
    expect(collectionAsOf("2025-06", "2025-06-10")).toBe("2025-06-10");
    expect(collectionAsOf("2025-05", "2025-06-10")).toBe("2025-05-31");
  });
});

describe("thousands separators", () => {
  it("groups digits of counts and amounts, nothing else", () => {
    expect(groupDigits(999)).toBe("999");
    expect(groupDigits(12345)).toBe("12,345");
    expect(groupDigits(1234567)).toBe("1,234,567");
    expect(groupDigits("1200.50")).toBe("1,200.50");
    expect(groupDigits("-5100.00")).toBe("-5,100.00");
    expect(groupDigits("42010619900303007X")).toBe("42010619900303007X");
    expect(formatCounts({ error: 12500, warning: 3, info: 0 }, "zh")).toBe("12,500 处错误，3 处提醒");
    expect(formatCounts({ error: 1, warning: 1000, info: 0 }, "en")).toBe("1 error, 1,000 warnings");
  });
});

const finding = (over: Partial<Finding>): Finding => ({ code: "x", severity: "error", sheet: "S", cell: "B2", row: 2, column: "B", period: null, message: "", ...over });

describe("改为应为值: only values the rules fully determine", () => {
  it("writes dues, scores and grades in the cell's own kind", () => {
    const dues = finding({ code: "dues.amountMismatch", expected: "76.50", field: "standard" });
    expect(determinedFix(dues, 80)).toBe(76.5);
    expect(determinedFix(dues, null)).toBe(76.5);
    expect(determinedFix(dues, "80.00")).toBe("76.50");
    expect(determinedFix(finding({ code: "appraisal.scoreMismatch", expected: "86.67" }), 80)).toBe(86.67);
    expect(determinedFix(finding({ code: "appraisal.gradeMismatch", expected: "称职" }), "优秀")).toBe("称职");
  });

  it("writes a date as a serial where the cell holds one, else in the clerk's own separators", () => {
    const full = finding({ code: "probation.fullDateMismatch", expected: "2025-02-28", field: "fullDate" });
    // 2025-02-28 is Excel serial 45716.
    expect(determinedFix(full, 45717)).toBe(45716);
    expect(determinedFix(full, "2025.3.1")).toBe("2025.2.28");
    expect(determinedFix(full, "2025/03/01")).toBe("2025/02/28");
    expect(determinedFix(full, "2025年3月1日")).toBe("2025年2月28日");
    expect(determinedFix(full, "三月一日")).toBe("2025-02-28");
  });

  it("never for an ID number, a range, a bound or a code it does not know", () => {
    expect(determinedFix(finding({ code: "id.checkDigit", expected: "110105194912310021", field: "idNumber" }), "110105194912310020")).toBeUndefined();
    expect(determinedFix(finding({ code: "id.birthMismatch", expected: "1949-12-31", field: "birthDate" }), "1949-12-30")).toBeUndefined();
    expect(determinedFix(finding({ code: "dues.amountMismatch", expected: "0.20–1.00" }), 5)).toBeUndefined();
    expect(determinedFix(finding({ code: "meetings.quorumGeneral", expected: "> 5" }), 4)).toBeUndefined();
    expect(determinedFix(finding({ code: "dues.paidMismatch", expected: "76.50" }), 70)).toBeUndefined();
    expect(determinedFix(finding({ code: "dues.amountMismatch", expected: "76.50", cell: null }), 70)).toBeUndefined();
  });

  it("offers the value the engine computes for a wrong 转正时间 and a wrong 月应缴党费", () => {
    const roster = checkSheet(
      { name: "花名册", values: [["姓名", "入党时间", "转正时间"], ["张三", "2024-02-29", "2025-03-01"]] },
      { asOf: "2025-12-31", template: { id: "roster" } },
    );
    const full = roster.findings.find((f) => f.code === "probation.fullDateMismatch")!;
    expect(determinedFix(full, "2025-03-01")).toBe("2025-02-28");
    const dues = checkSheet(
      { name: "党费", values: [["姓名", "人员类别", "缴费基数", "月应缴党费", "1月"], ["李四", "在职", 5100, 80, 80]] },
      { asOf: "2025-01-31", template: { id: "dues-monthly" } },
    );
    const standard = dues.findings.find((f) => f.code === "dues.amountMismatch")!;
    // 5100 × 1.5% under 全额累进 = 76.50.
    expect(standard.cell).toBe("D2");
    expect(determinedFix(standard, 80)).toBe(76.5);
  });
});
