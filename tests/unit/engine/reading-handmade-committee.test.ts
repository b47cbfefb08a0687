import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { book, sheet } from "./grid-helpers.js";

const H = ["职务", "姓名", "性别", "入党时间", "任期", "备注"];
const list = (term: string, lastJoin: string): CellValue[][] => [
  ["某局第三党支部委员会成员名单"],
  H,
  ["书记", "王立新", "男", "2001.7", term, null],
  ["组织委员", "陈晓琳", "女", "2005.6", term, null],
  ["宣传委员", "张志强", "男", "2010.3", term, null],
  ["纪检委员", "李红梅", "女", lastJoin, term, "增补"],
];

describe("a committee list with its term written as a span of months, and no 任职时间", () => {
  it("a term 2021.06-2024.06 ended 2024-06-30: eighteen months over by 2025-12-31", () => {
    const r = checkWorkbook(book(sheet("支委", list("2021.06-2024.06", "2012.5"))), { asOf: "2025-12-31" });
    expect(r.sheets[0]!.kind).toBe("committee");
    const expired = r.findings.filter((f) => f.code === "committee.termExpired");
    expect(expired.map((f) => f.cell)).toEqual(["E3"]);
    expect(expired[0]!.message).toContain("2024-06-30");
    expect(expired[0]!.message).toContain("18 个月");
  });

  it("a term still running is no finding", () => {
    const r = checkWorkbook(book(sheet("支委", list("2023.06-2026.06", "2012.5"))), { asOf: "2025-12-31" });
    expect(r.findings.filter((f) => f.code === "committee.termExpired")).toEqual([]);
  });

  it("a member admitted 2025.3 is still on probation on 2025-12-31: said at the name, the date as written", () => {
    const r = checkWorkbook(book(sheet("支委", list("2023.06-2026.06", "2025.3"))), { asOf: "2025-12-31" });
    const probation = r.findings.filter((f) => f.code === "committee.memberProbationaryNow");
    expect(probation.map((f) => f.cell)).toEqual(["B6"]);
    expect(probation[0]!.message).toContain("2025-03 入党");
    // A year later the probation is over.
    const later = checkWorkbook(book(sheet("支委", list("2023.06-2026.06", "2025.3"))), { asOf: "2026-03-31" });
    expect(later.findings.filter((f) => f.code === "committee.memberProbationaryNow")).toEqual([]);
  });
});
