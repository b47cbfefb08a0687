import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { book, serial, sheet } from "./grid-helpers.js";

/**
 * 支部大会时间 on a development record is the meeting that admits the 预备党员 (细则第二十条): the 政审
 * concludes before it (细则第十六条; G8), and the 上级党委 decides within 3 months of it, 6 at most
 * (细则第二十八条; G11).
 */
const H = ["姓名", "出生日期", "申请入党时间", "确定积极分子时间", "确定发展对象时间", "政审结论时间", "支部大会时间", "党委审批时间"];
const d = serial;
const rows: CellValue[][] = [
  ["某局党委2025年发展党员名单"],
  H,
  // In order, approved two months after the meeting: nothing to say.
  ["冯志刚", d("1995-03-02"), d("2022-03-01"), d("2022-06-10"), d("2023-07-01"), d("2023-09-10"), d("2023-10-15"), d("2023-12-20")],
  // Approved 2024-06-20, seven months after the meeting of 2023-11-10: beyond the 6-month limit.
  ["蒋雯", d("1996-08-19"), d("2022-02-14"), d("2022-05-20"), d("2023-06-01"), d("2023-08-15"), d("2023-11-10"), d("2024-06-20")],
  // 政审 concluded 2023-11-20, ten days after the meeting of 2023-11-10.
  ["韩磊", d("1994-12-01"), d("2022-01-10"), d("2022-04-18"), d("2023-05-20"), d("2023-11-20"), d("2023-11-10"), d("2024-01-05")],
];

describe("支部大会时间 on a development record", () => {
  const r = checkWorkbook(book(sheet("名单", rows)), { asOf: "2025-12-31" });

  it("is read as the admission (the day the 预备期 starts)", () => {
    expect(r.sheets[0]!.kind).toBe("development");
    expect(r.sheets[0]!.columns?.find((c) => c.column === "G")?.field).toBe("joinDate");
  });

  it("an approval more than six months after it is an error at the approval", () => {
    const late = r.findings.filter((f) => f.code === "development.approvalLate");
    expect(late.map((f) => [f.cell, f.severity])).toEqual([["H4", "error"]]);
  });

  it("a 政审 concluded after it breaks the order of the steps", () => {
    const order = r.findings.filter((f) => f.row === 5 && f.severity === "error");
    expect(order.length).toBe(1);
    expect(order[0]!.message).toContain("2023-11-20");
    expect(["F5", "G5"]).toContain(order[0]!.cell);
    // The first row, in order, has no finding at all.
    expect(r.findings.filter((f) => f.row === 3)).toEqual([]);
  });

  it("under a 转正 title, 支部大会时间 is the full-membership meeting", () => {
    const t = checkWorkbook(
      book(sheet("转正", [["预备党员转正情况登记表"], ["姓名", "入党时间", "转正申请时间", "支部大会时间", "转正审批时间"], ["冯志刚", d("2023-10-15"), d("2024-09-20"), d("2024-10-16"), d("2024-11-20")]])),
      { asOf: "2025-12-31" },
    );
    expect(t.sheets[0]!.columns?.find((c) => c.column === "D")?.field).toBe("fullMeetingDate");
  });
});
