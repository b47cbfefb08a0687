import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { book, serial, sheet } from "./grid-helpers.js";

/**
 * A village's 两委 list names the Party committee and the 村委会 side by side (党组织职务 | 村委会职务): only those with
 * a Party post sit on the Party committee, and each must be a full Party member (党章第七条: 预备党员没有被选举权).
 * A village committee's term is five years (支部工作条例第六章).
 */
const HEADER = ["姓名", "政治面貌", "党组织职务", "村委会职务", "任职时间", "届满时间", "备注"];
const ELECTED = serial("2021-04-15");
const DUE = serial("2026-04-15");

function twoBodies(rows: CellValue[][]) {
  return checkWorkbook(book(sheet("两委", [["某村“两委”成员登记表"], HEADER, ...rows])), { asOf: "2025-12-31" });
}
const member = (name: string, post: string, status = "中共党员", due = DUE): CellValue[] => [name, status, post, "", ELECTED, due];

describe("a 两委 list read as two bodies", () => {
  it("a committee of full members with a five-year term passes; a 村委会-only non-member is not counted", () => {
    const r = twoBodies([member("甲", "书记"), member("乙", "副书记"), member("丙", "组织委员"), member("丁", "宣传委员"), ["戊", "群众", "", "委员", ELECTED, DUE]]);
    expect(r.sheets[0]!.kind).toBe("committee");
    expect(r.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("counts five, not six, where the sixth is a 村委会 member only", () => {
    // 5 on the Party committee (3 to 5 is normal): no size warning; with the non-member counted it would be 6.
    const r = twoBodies([member("甲", "书记"), member("乙", "副书记"), member("丙", "组织委员"), member("丁", "宣传委员"), member("己", "纪检委员"), ["戊", "群众", "", "委员", ELECTED, DUE]]);
    expect(r.findings.filter((f) => f.code.startsWith("committee.size"))).toEqual([]);
  });

  it("a Party post held by one recorded as 群众, or by a 预备党员, is an error at the 政治面貌", () => {
    const r = twoBodies([member("甲", "书记"), member("乙", "副书记", "群众"), member("丙", "组织委员"), member("丁", "委员", "中共预备党员")]);
    expect(r.findings.find((f) => f.cell === "B4")).toMatchObject({ code: "committee.memberNotParty", severity: "error" });
    expect(r.findings.find((f) => f.cell === "B6")).toMatchObject({ code: "committee.memberProbationaryStatus", severity: "error" });
  });

  it("a row of the same election with a three-year term of its own is judged against the village's five years", () => {
    const r = twoBodies([member("甲", "书记"), member("乙", "副书记"), member("丙", "组织委员", "中共党员", serial("2024-04-15")), member("丁", "宣传委员")]);
    const f = r.findings.find((x) => x.cell === "F5");
    expect(f).toMatchObject({ code: "committee.termYearsForType", severity: "error" });
  });
});
