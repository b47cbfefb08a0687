import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { countWithUnit, wordsWithUnit } from "../../../shared/normalise/chinese-count.js";
import { book, sheet } from "./grid-helpers.js";

/**
 * A 换届选举情况报告 written by a clerk as a form: label–value pairs across the rows, counts with their
 * units (30人, 28张), and under them the elected with their votes (当选人姓名 | 得票数 | 当选职务). Domain
 * rules 2.2: more than 4/5 of those with a vote present (30 → more than 24), a winner above half of the 30
 * expected (more than 15). Ballots: more returned than issued voids the vote.
 */
function report(present: string, issued: string, returned: string, elected: CellValue[][], nameHead = "当选人姓名"): CellValue[][] {
  return [
    ["青山村党支部委员会换届选举情况报告"],
    ["党组织名称", "中共青山村支部委员会", "", "选举日期", "2025年5月8日"],
    ["应到会有选举权党员", "30人", "实到会有选举权党员", present, "委员职数", "3名"],
    ["发出选票", issued, "收回选票", returned, "有效票", issued],
    [],
    [nameHead, "性别", "得票数", "当选职务"],
    ...elected,
  ];
}

const run = (rows: CellValue[][]) => checkWorkbook(book(sheet("选举情况", rows)), { asOf: "2025-12-31" });
const at = (r: ReturnType<typeof run>, code: string) => r.findings.filter((f) => f.code === code).map((f) => f.cell);

const fine: CellValue[][] = [
  ["周建华", "男", "27票", "书记"],
  ["李秀英", "女", "二十四票", "组织委员"],
  ["王德明", "男", "18票", "宣传委员"],
];

describe("an election report kept as a form", () => {
  it("is read as the committee's election with 当选人姓名 as the name; a sound one has no error", () => {
    const r = run(report("28人", "28张", "28张", fine));
    expect(r.sheets[0]!.kind).toBe("committee");
    expect(r.sheets[0]!.template?.id).toBe("committee-election");
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("a 候选人姓名 column is read the same way", () => {
    const r = run(report("28人", "28张", "28张", fine, "候选人姓名"));
    expect(r.sheets[0]!.template?.id).toBe("committee-election");
  });

  it("24 of 30 present (80 %) is not more than four fifths: said at the 实到 value", () => {
    const r = run(report("24人", "24张", "24张", fine));
    expect(at(r, "committee.electionQuorum")).toEqual(["D3"]);
  });

  it("a winner with 15 votes (half of 30, not more) is said at the votes; 二十四票 reads as 24", () => {
    const rows = [fine[0]!, fine[1]!, ["王德明", "男", "十五票", "宣传委员"]];
    const r = run(report("28人", "28张", "28张", rows));
    expect(at(r, "committee.winnerVotes")).toEqual(["C9"]);
  });

  it("29 ballots returned of 28 issued is an error at the returned count; 28 of 28 is not", () => {
    const r = run(report("28人", "28张", "29张", fine));
    expect(at(r, "committee.ballotsOver")).toEqual(["D4"]);
    const f = r.findings.find((x) => x.code === "committee.ballotsOver")!;
    expect(f.severity).toBe("error");
    expect(f.message).toContain("29 张");
    expect(f.message).not.toMatch(/committee\./);
    expect(at(run(report("28人", "28张", "27张", fine)), "committee.ballotsOver")).toEqual([]);
  });
});

describe("counts of ballots with their unit", () => {
  it("22张 and 二十二张 read as 22; 22份张 does not", () => {
    expect(countWithUnit("22张")).toBe(22);
    expect(wordsWithUnit("二十二张")).toBe(22);
    expect(countWithUnit("22份张")).toBeNull();
  });
});
