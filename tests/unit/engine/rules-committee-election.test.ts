import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { book, serial, sheet } from "./grid-helpers.js";

/**
 * A committee election result report (基层组织选举工作条例; domain rules 2.1, 2.2): the meeting's counts as
 * label–value cells above the candidates. The election needs more than 4/5 of those with a vote present;
 * a winner more votes than half of those expected (30 → more than 15); a 预备党员 cannot be elected.
 */
function report(present: number, candidates: CellValue[][], head = ["序号", "姓名", "性别", "党员类别", "得票数", "当选职务"]): CellValue[][] {
  return [
    ["党支部委员会换届选举结果报告表"],
    ["党支部名称：中共某镇青山村支部委员会"],
    ["选举日期", serial("2025-11-20"), "应到会有选举权党员人数", 30, "实到会人数", present, "委员职数", 3],
    head,
    ...candidates,
  ];
}

const run = (rows: CellValue[][]) => checkWorkbook(book(sheet("选举结果", rows)), { asOf: "2025-12-31" });
const at = (r: ReturnType<typeof run>, code: string) => r.findings.filter((f) => f.code === code).map((f) => f.cell);

const fine: CellValue[][] = [
  [1, "周建华", "男", "正式党员", 27, "书记"],
  [2, "李秀英", "女", "正式党员", 24, "委员"],
  [3, "王德明", "男", "正式党员", 16, "委员"],
  [4, "赵小兵", "男", "正式党员", 9, "未当选"],
];

describe("an election result report", () => {
  it("is read as the committee's election, not as a roster", () => {
    const r = run(report(26, fine));
    expect(r.sheets[0]!.kind).toBe("committee");
    expect(r.sheets[0]!.template?.id).toBe("committee-election");
    // 26 > 24 present, every winner above 15: nothing to say.
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("24 of 30 present is not more than four fifths (24): said at the 实到 cell", () => {
    const r = run(report(24, fine));
    expect(at(r, "committee.electionQuorum")).toEqual(["F3"]);
    expect(r.findings.find((f) => f.code === "committee.electionQuorum")!.message).toContain("24 人");
  });

  it("a winner with 15 of 30 expected has not more than half; the one not elected is not judged", () => {
    const rows = [...fine.slice(0, 2), [3, "王德明", "男", "正式党员", 15, "委员"], [4, "赵小兵", "男", "正式党员", 9, "未当选"]];
    const r = run(report(28, rows));
    expect(at(r, "committee.winnerVotes")).toEqual(["E7"]);
  });

  it("a 预备党员 elected is an error at the 党员类别; one not elected is not", () => {
    const rows = [...fine.slice(0, 2), [3, "王德明", "男", "预备党员", 20, "委员"], [4, "赵小兵", "男", "预备党员", 9, "未当选"]];
    const r = run(report(28, rows));
    expect(at(r, "committee.probationaryElected")).toEqual(["D7"]);
  });

  it("without a 党员类别, an admission less than a year before the election day says it", () => {
    const head = ["序号", "姓名", "入党时间", "得票数", "当选职务"];
    const rows: CellValue[][] = [
      [1, "周建华", serial("2001-07-01"), 27, "书记"],
      [2, "李秀英", serial("2010-05-04"), 24, "委员"],
      // Admitted 2025-01-10: on probation until 2026-01-10, so on 2025-11-20 too.
      [3, "王德明", serial("2025-01-10"), 20, "委员"],
      // Admitted 2024-11-01: full since 2025-11-01, before the election.
      [4, "赵小兵", serial("2024-11-01"), 18, "委员"],
    ];
    const r = run(report(28, rows, head));
    expect(at(r, "committee.probationaryElected")).toEqual(["C7"]);
  });
});
