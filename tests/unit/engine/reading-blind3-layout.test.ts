import { describe, expect, it } from "vitest";
import { checkSheetInBook, checkWorkbook, type CellValue, type SheetReport } from "../../../shared/index.js";
import { chinesePart, headerKey } from "../../../shared/normalise/text.js";
import { toSimplified } from "../../../shared/normalise/traditional.js";
import { book, makeId, sheet } from "./grid-helpers.js";

/**
 * Layouts the third blind corpus showed unread (other scripts, bilingual exports, transposed sheets,
 * blocks side by side), each on a small sheet of its own. Expected values are worked out by hand.
 */
function report(rows: CellValue[][], name = "Sheet1", asOf = "2025-12-31") {
  const r = checkWorkbook(book(sheet(name, rows)), { asOf });
  const s = r.sheets[0]!;
  return { sheet: s, findings: r.findings.filter((f) => f.severity !== "info").map((f) => `${f.cell ?? f.period ?? "-"} ${f.code}:${f.severity}`) };
}
const fieldOf = (s: SheetReport, column: string) => s.columns?.find((c) => c.column === column)?.field ?? null;

describe("header text in Traditional characters or in two languages", () => {
  it("folds the Traditional characters of ledger vocabulary and keeps the Chinese part of a bilingual header", () => {
    expect(toSimplified("入黨時間")).toBe("入党时间");
    expect(toSimplified("身份證號碼")).toBe("身份证号码");
    expect(headerKey("Join Date 入党日期")).toBe("入党日期");
    expect(headerKey("姓名/Name")).toBe("姓名");
    expect(headerKey("ID No. 身份证号")).toBe("身份证号");
    // Latin written into the word itself is part of it; a header in one language is left as it is.
    expect(chinesePart("QQ号")).toBe("QQ号");
    expect(chinesePart("Party Branch")).toBe("Party Branch");
    expect(chinesePart("金额/元")).toBe("金额/元");
    expect(chinesePart("A 列「名称」：选填")).toBe("A 列「名称」：选填");
  });

  it("reads a roster whose headers are Traditional: 入黨時間 is 入党时间, and the ID's sex is checked against 性別", () => {
    const id = makeId("1960-03-10", "男");
    const rows: CellValue[][] = [
      ["序號", "姓名", "性別", "身份證號碼", "入黨時間", "轉正時間", "黨籍狀態"],
      [1, "甲", "男", makeId("1950-05-01", "男"), "1980-07-01", "1981-07-01", "正式党员"],
      // The ID's 17th digit is odd (男) but 性別 says 女.
      [2, "乙", "女", id, "1985-07-01", "1986-07-01", "正式党员"],
      [3, "丙", "男", makeId("1962-08-08", "男", "110105", 14), "1990-07-01", "1991-07-01", "正式党员"],
    ];
    const { sheet: s, findings } = report(rows, "黨員名冊");
    expect(s.kind).toBe("roster");
    expect(fieldOf(s, "C")).toBe("sex");
    expect(fieldOf(s, "E")).toBe("joinDate");
    expect(fieldOf(s, "F")).toBe("fullDate");
    expect(findings.some((f) => f.startsWith("C3 ") || f.startsWith("D3 "))).toBe(true);
  });

  it("reads an HR export whose headers are English and Chinese", () => {
    const rows: CellValue[][] = [
      ["No. 序号", "Name 姓名", "Gender 性别", "ID No. 身份证号", "Join Date 入党日期", "Full Member Date 转正日期", "Party Status 党籍状态"],
      [1, "甲", "男", makeId("1980-01-01", "男"), "2005-03-18", "2006-03-18", "正式党员"],
      // Full membership 13 months after admission, with no extension: should be 2007-04-18.
      [2, "乙", "男", makeId("1982-02-02", "男", "110105", 16), "2006-04-18", "2007-05-18", "正式党员"],
      [3, "丙", "女", makeId("1984-04-04", "女", "110105", 18), "2010-07-01", "2011-07-01", "正式党员"],
    ];
    const { sheet: s, findings } = report(rows, "Employee");
    expect(s.kind).toBe("roster");
    expect(fieldOf(s, "B")).toBe("name");
    expect(fieldOf(s, "E")).toBe("joinDate");
    expect(findings).toContain("F3 probation.fullDateMismatch:error");
  });
});

describe("two tables side by side on one sheet are read each as its own", () => {
  // 在职 A–H and 离退休 J–Q, paid by quarter with the branch's consent; the right block repeats the header.
  const head = ["序号", "姓名", "月应交", "一季度", "二季度", "三季度", "四季度", "全年"];
  const rows: CellValue[][] = [
    ["某机关党支部2025年党费收缴表"],
    ["经支部委员会研究同意，本支部党费按季度收缴。"],
    ["一、在职党员", null, null, null, null, null, null, null, null, "二、离退休党员"],
    [...head, null, ...head],
    [1, "甲", 46, 138, 138, 138, 138, 552, null, 1, "丁", 24, 72, 72, 72, 72, 288],
    [2, "乙", 120, 360, 360, 360, 360, 1440, null, 2, "戊", 26, 78, 78, 78, 78, 312],
    // 戊's neighbour 己 owes 18 × 3 = 54 a quarter and paid 45 in the third.
    [3, "丙", 16, 48, 48, 48, 48, 192, null, 3, "己", 18, 54, 54, 45, 54, 207],
  ];
  const r = checkWorkbook(book(sheet("2025年党费", rows, { merges: [{ r0: 0, c0: 0, r1: 0, c1: 16 }] })), { asOf: "2025-12-31" });
  const errors = r.findings.filter((f) => f.severity === "error").map((f) => `${f.cell} ${f.code}`);

  it("checks the sheet as two dues ledgers, each with its own columns, and says so", () => {
    expect(r.sheets.map((s) => [s.sheet, s.block, s.status, s.kind])).toEqual([
      ["2025年党费", "A–H", "checked", "dues"],
      ["2025年党费", "J–Q", "checked", "dues"],
    ]);
    expect(r.sheets[1]!.reason).toContain("J–Q");
    expect(fieldOf(r.sheets[1]!, "L")).toBe(fieldOf(r.sheets[0]!, "C"));
  });

  it("finds the short quarter at its own cell, and no right-block amount is compared with a left-block standard", () => {
    expect(errors).toEqual(["O7 dues.quarterMismatch"]);
  });

  it("reads the same in the task pane: one sheet shown gives the findings of both blocks, each block's report beside", () => {
    const shown = checkSheetInBook(sheet("2025年党费", rows, { merges: [{ r0: 0, c0: 0, r1: 0, c1: 16 }] }), [], { asOf: "2025-12-31" });
    expect(shown.findings.filter((f) => f.severity === "error").map((f) => `${f.cell} ${f.code}`)).toEqual(["O7 dues.quarterMismatch"]);
    expect(shown.findings.length).toBe(r.findings.length);
    expect(shown.blocks.map((b) => b.block)).toEqual(["A–H", "J–Q"]);
    expect(shown.report.block).toBe("A–H");
  });

  it("leaves a single table with a blank spacer column whole", () => {
    const one = checkWorkbook(book(sheet("花名册", [["姓名", "性别", null, "入党时间", "转正时间"], ["甲", "男", null, "2010-07-01", "2011-07-01"], ["乙", "女", null, "2012-07-01", "2013-07-01"]])), { asOf: "2025-12-31" });
    expect(one.sheets.map((s) => s.block ?? null)).toEqual([null]);
  });
});

describe("a sheet kept the other way round is read transposed, its findings at the cells as written", () => {
  const rows: CellValue[][] = [
    ["姓名", "甲", "乙", "丙"],
    ["性别", "男", "女", "男"],
    ["身份证号码", makeId("1970-11-09", "男"), makeId("1975-03-03", "女", "110105", 22), makeId("1980-05-05", "男", "110105", 31)],
    ["入党时间", "2000-07-01", "2010-06-17", "2012-07-01"],
    // 乙 joined 2010-06-17: full membership is due 2011-06-17, not 2011-06-27.
    ["转正时间", "2001-07-01", "2011-06-27", "2013-07-01"],
    ["党籍状态", "正式党员", "正式党员", "正式党员"],
  ];
  const { sheet: s, findings } = report(rows, "党员情况");

  it("recognises the roster, says it was read transposed, and places the 转正 error at C5", () => {
    expect(s.status).toBe("checked");
    expect(s.kind).toBe("roster");
    expect(s.reason).toContain("横竖颠倒");
    expect(findings).toEqual(["C5 probation.fullDateMismatch:error"]);
  });

  it("reads the same in the task pane, the error at the cell as written", () => {
    const shown = checkSheetInBook(sheet("党员情况", rows), [], { asOf: "2025-12-31" });
    expect(shown.report.kind).toBe("roster");
    expect(shown.findings.filter((f) => f.severity !== "info").map((f) => `${f.cell} ${f.code}`)).toEqual(["C5 probation.fullDateMismatch"]);
  });

  it("does not read a notice of label–value lines transposed", () => {
    const notice = report([["关于召开组织生活会的通知"], ["时间", "2026年1月15日下午"], ["地点", "党群服务中心"], ["参加人员", "全体党员"]], "通知", "2025-12-31");
    expect(notice.sheet.status).not.toBe("checked");
  });
});

describe("an OA export's meeting marked 已取消 was not held", () => {
  const rows: CellValue[][] = [["Type 会议类型", "Date 会议日期", "Expected 应到人数", "Attended 实到人数", "Topic 会议主题", "Status 状态"]];
  // A 支委会 every month of 2024 on the 5th; September's was cancelled, so nobody attended.
  for (let m = 1; m <= 12; m++) rows.push(["支委会", `2024-${String(m).padStart(2, "0")}-05`, 5, m === 9 ? 0 : 5, "研究月度工作", m === 9 ? "已取消" : "已召开"]);
  const r = checkWorkbook(book(sheet("MeetingList", rows)), { asOf: "2024-12-31" });

  it("asks no quorum of it and counts no 支委会 in September", () => {
    expect(r.sheets[0]!.kind).toBe("meetings");
    expect(r.findings.filter((f) => f.code === "meetings.quorumCommittee")).toEqual([]);
    expect(r.findings.filter((f) => f.code === "meetings.missing" && f.period?.startsWith("2024-")).map((f) => f.period)).toEqual(["2024-09"]);
  });
});
