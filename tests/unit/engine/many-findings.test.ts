import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../../shared/index.js";
import { checkCharacter } from "../../../shared/idcard/gb11643.js";
import { toIso } from "../../../shared/calendar/days.js";

/**
 * A sheet with more findings than a spread into push() can take (V8 throws RangeError past about
 * 120,000 arguments): every host got the whole list back, none crashed. 130,000 members, each ID
 * with a wrong check digit, so exactly 130,000 check-digit findings; nothing else is wrong with a
 * row (unique IDs, birth dates and sex that agree with them), so the only other finding is the
 * branch-size one (a branch over 50 members).
 */
const MEMBERS = 130_000;
const DAY_1950 = -7305; // 1950-01-01 as a day number (days since 1970-01-01)

function rosterWithBadCheckDigits(n: number) {
  const rows: (string | null)[][] = [["姓名", "性别", "公民身份号码", "出生日期", "人员类别", "入党时间", "转正时间"]];
  for (let i = 0; i < n; i++) {
    const birth = toIso(DAY_1950 + Math.floor(i / 1000));
    const seq = String(i % 1000).padStart(3, "0");
    const body = `110105${birth.replace(/-/g, "")}${seq}`;
    const right = checkCharacter(body);
    const wrong = right === "0" ? "1" : "0";
    rows.push([`党员${i}`, Number(seq[2]) % 2 === 1 ? "男" : "女", body + wrong, birth, "正式党员", "1980-07-01", "1981-07-01"]);
  }
  return rows;
}

describe("a sheet with more findings than function arguments allow", () => {
  it("checks 130,000 bad IDs without a RangeError and returns every finding", () => {
    const report = checkWorkbook({ sheets: [{ name: "花名册", values: rosterWithBadCheckDigits(MEMBERS) }] }, { asOf: "2025-12-31" });
    expect(report.sheets[0]!.status).toBe("checked");
    const codes = new Map<string, number>();
    for (const f of report.findings) codes.set(f.code, (codes.get(f.code) ?? 0) + 1);
    expect(Object.fromEntries(codes)).toEqual({ "id.checkDigit": MEMBERS, "quota.branchSize": 1 });
    // in row order: row 2 first, the last member's row last among the cell findings
    expect(report.findings[0]!.row).toBe(2);
    expect(report.findings[MEMBERS - 1]!.row).toBe(MEMBERS + 1);
  });
});
