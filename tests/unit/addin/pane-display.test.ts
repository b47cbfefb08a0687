import { describe, expect, it } from "vitest";
import type { BranchStatus } from "../../../addin/api/client.js";
import { strings } from "../../../addin/i18n/strings.js";
import { statusText } from "../../../addin/taskpane/components/AdminPanel.js";
import { sheetStatus } from "../../../addin/taskpane/components/RecognitionCard.js";
import { displayMessage, groupByPeriod } from "../../../addin/taskpane/findings.js";
import { renderMessage } from "../../../shared/findings/render.js";
import type { Finding, SheetReport } from "../../../shared/findings/types.js";

const periodFinding = (period: string | null, column: string | null = null): Finding => ({
  code: "meetings.missing",
  severity: "warning",
  sheet: "S",
  cell: null,
  row: null,
  column,
  period,
  message: "",
});

describe("findings without a cell, by period", () => {
  it("sorts periods as periods, and puts findings with no period under the whole sheet, last, never under a column", () => {
    const list = [periodFinding("2025-09"), periodFinding("2025-Q3"), periodFinding(null, "姓名"), periodFinding("2025-07"), periodFinding("2025"), periodFinding("2024-12")];
    expect(groupByPeriod(list).map((g) => g.period)).toEqual(["2024-12", "2025", "2025-Q3", "2025-07", "2025-09", ""]);
  });
});

describe("messages as a clerk reads them", () => {
  const f = (code: string, args: Record<string, string | number>): Finding => ({
    code,
    severity: "warning",
    sheet: "S",
    cell: "B2",
    row: 2,
    column: "B",
    period: null,
    message: renderMessage(code, "zh", args),
    args,
  });

  it("puts thousands separators into amounts and counts", () => {
    expect(displayMessage(f("dues.largePayment", { value: "12000.00" }), "zh")).toBe("一笔缴了 12,000.00 元，属于大额党费，应全部上缴中央");
    expect(displayMessage(f("quota.branchSize", { members: 1234, max: 50, field: "姓名" }), "zh")).toBe("支部党员 1,234 人，一般不超过 50 人");
    expect(displayMessage(f("dues.amountMismatch", { value: "1200.00", expected: "1050.00" }), "en")).toBe("Monthly dues 1,200.00; the base and rate give 1,050.00");
  });

  it("leaves ID numbers, years and row numbers as written", () => {
    expect(displayMessage(f("value.duplicate", { field: "身份证号码", value: "110105194912310021", firstRow: 1234 }), "zh")).toBe("身份证号码“110105194912310021”与第 1234 行重复");
    expect(displayMessage(f("meetings.secretaryLecture", { period: "2025", count: 0, min: 1 }), "zh")).toBe("2025 年书记讲党课 0 次，每年至少 1 次");
  });

  it("keeps the engine's message where it cannot render one itself", () => {
    const unknown: Finding = { ...f("custom.rule", { n: 5000 }), message: "自定义规则 5000" };
    expect(displayMessage(unknown, "zh")).toBe("自定义规则 5000");
  });
});

describe("one wording per state", () => {
  const t = strings("zh");
  const b = (over: Partial<BranchStatus>): BranchStatus => ({ branchId: "b", branch: "一支部", status: "not_submitted", late: false, latestVersion: null, submissionId: null, submittedAt: null, errors: null, warnings: null, ...over });

  it("says 已提交（有错误） for a stored submission with errors, never 未通过", () => {
    expect(statusText(b({ status: "submitted_with_errors", latestVersion: 1, errors: 3 }), t)).toBe("已提交（有错误）");
    expect(statusText(b({ status: "submitted_clean", latestVersion: 2, errors: 0 }), t)).toBe("已提交（无错误）");
    expect(statusText(b({ status: "late", late: true }), t)).toBe("逾期未提交");
    expect(statusText(b({ status: "late", late: true, latestVersion: 1, errors: 2 }), t)).toBe("逾期提交（有错误）");
    expect(t.rejected).toBe("已提交（有错误）");
    expect(Object.values(t.statuses)).not.toContain("未通过");
  });

  it("names the collection 报送任务 everywhere", () => {
    const all = JSON.stringify(Object.values(t).filter((v) => typeof v === "string"));
    expect(all).not.toMatch(/汇总任务|征集|收集任务/);
    expect(t.collectionId).toBe("报送任务编号");
  });

  it("reads a sheet's fate from its report, also from one without status", () => {
    const r = { sheet: "S", kind: null, template: null, headerRow: null, matched: [], score: 0, rows: 0, reason: "", candidates: [] } as unknown as SheetReport;
    expect(sheetStatus(r)).toBe("unrecognised");
    expect(sheetStatus({ ...r, kind: "roster" })).toBe("checked");
    expect(sheetStatus({ ...r, status: "skipped", skipReason: "empty" })).toBe("skipped");
  });
});
