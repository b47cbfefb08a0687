import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue, type Finding, type SheetGrid } from "../../../shared/index.js";
import { readNotes } from "../../../shared/notes/read-notes.js";
import { quotaInNote } from "../../../shared/notes/stated-quota.js";
import { placesByScore } from "../../../shared/scoring/ranks.js";
import { book, sheet } from "./grid-helpers.js";

/**
 * The arithmetic of assessment sheets the engine recognises: a 合计 per person over its rater rows, votes against the
 * ballots returned, a conversion and bands the sheet states, a 权重 row, 综合得分 by stated weights and 排名 by score.
 * Expected values are worked out by hand from domain-rules.md §4.3 and §5 and the rule set's defaults.
 */
const asOf = "2025-12-31";
const at = (findings: Finding[]) => findings.map((f) => `${f.cell ?? "-"} ${f.code}${f.expected !== undefined ? ` ${f.expected}` : ""}`);
const check = (s: SheetGrid) => checkWorkbook(book(s), { asOf });

describe("民主测评 by rater group: one 合计 per person, votes against 收回票", () => {
  const head: CellValue[] = ["测评对象", "现任职务", "测评主体", "发出票数", "收回票数", "优秀", "称职", "基本称职", "不称职"];
  // 甲: 3+4+10 = 17 优秀, 2+2+8 = 12 称职, 1 基本称职; ballots 5+6+20 = 31 issued, 5+6+19 = 30 returned.
  // 乙: 2+3+8 = 13 优秀, 3+3+10 = 16 称职, 2 基本称职; 31 issued, 31 returned.
  const rows = (): CellValue[][] => [
    ["某局领导班子成员2025年度民主测评分类统计表"],
    head,
    ["甲", "局长", "上级领导", 5, 5, 3, 2, 0, 0],
    [null, null, "班子成员", 6, 6, 4, 2, 0, 0],
    [null, null, "中层干部", 20, 19, 10, 8, 1, 0],
    [null, null, "合计", 31, 30, 17, 12, 1, 0],
    ["乙", "副局长", "上级领导", 5, 5, 2, 3, 0, 0],
    [null, null, "班子成员", 6, 6, 3, 3, 0, 0],
    [null, null, "中层干部", 20, 20, 8, 10, 2, 0],
    [null, null, "合计", 31, 31, 13, 16, 2, 0],
  ];
  const merges = [
    { r0: 2, c0: 0, r1: 5, c1: 0 },
    { r0: 2, c0: 1, r1: 5, c1: 1 },
    { r0: 6, c0: 0, r1: 9, c1: 0 },
    { r0: 6, c0: 1, r1: 9, c1: 1 },
  ];
  const grid = (values: CellValue[][]) => sheet("分类测评", values, { merges });

  it("compares each 合计 with its own rater rows, not with every row above it", () => {
    const r = check(grid(rows()));
    expect(r.sheets[0]!.kind).toBe("assessment");
    expect(at(r.findings)).toEqual([]);
  });

  it("finds a 合计 that disagrees with its group (收回 41; the three groups give 31), ballots included", () => {
    const values = rows();
    values[9]![4] = 41;
    expect(at(check(grid(values)).findings)).toEqual(["E10 derived.totalMismatch 31"]);
  });

  it("says a row whose votes fall short of its 收回票 where every other row's votes equal theirs", () => {
    const values = rows();
    // 甲 班子成员: 4 + 1 = 5 votes of 6 returned; the 合计 follows the votes (称职 2 + 1 + 8 = 11).
    values[3]![6] = 1;
    values[5]![6] = 11;
    expect(at(check(grid(values)).findings)).toEqual(["E4 appraisal.votesBelowReturned"]);
  });

  it("says more votes than ballots returned on any sheet", () => {
    const values = rows();
    // 甲 中层干部: 11 + 8 + 1 = 20 votes of 19 returned; 合计 优秀 3 + 4 + 11 = 18.
    values[4]![5] = 11;
    values[5]![5] = 18;
    expect(at(check(grid(values)).findings)).toEqual(["E5 appraisal.votesOverReturned"]);
  });

  it("lets votes fall short of 收回票 (spoilt ballots) where the sheet's rows do not count every returned ballot", () => {
    const values: CellValue[][] = [
      ["某局中层干部民主测评统计表"],
      ["姓名", "职务", "发出票数", "收回票数", "优秀", "称职", "基本称职", "不称职"],
      ["甲", "科长", 40, 40, 20, 18, 0, 0],
      ["乙", "科长", 40, 40, 18, 19, 1, 0],
      ["丙", "科长", 40, 40, 15, 22, 1, 0],
    ];
    expect(at(check(sheet("测评", values)).findings)).toEqual([]);
  });
});

describe("述职评议 with its conversion and bands stated in a note", () => {
  const note = "注：测评得分＝（好×100＋较好×80＋一般×60＋差×40）÷收回票数；90分及以上为“好”，80—89.99分为“较好”，60—79.99分为“一般”，60分以下为“差”。";
  // (20×100 + 20×80 + 8×60 + 2×40) ÷ 50 = 4160 ÷ 50 = 83.20 → 较好; 差 as 0 would give 80.00.
  // (30×100 + 10×80) ÷ 40 = 95.00 → 好.
  // (10×100 + 10×80 + 12×60 + 8×40) ÷ 40 = 2840 ÷ 40 = 71.00 → 一般; 差 as 0 would give 63.00.
  // (24×100 + 24×80) ÷ 48 = 90.00 → 好 (90 included).
  const rows = (): CellValue[][] => [
    ["2025年度乡镇党委书记抓基层党建工作述职评议结果统计表"],
    ["序号", "乡镇党委", "书记", "发出票数", "收回票数", "好", "较好", "一般", "差", "测评得分", "评议等次"],
    [1, "甲镇党委", "张明", 50, 50, 20, 20, 8, 2, 83.2, "较好"],
    [2, "乙镇党委", "李华", 40, 40, 30, 10, 0, 0, 95, "好"],
    [3, "丙镇党委", "王芳", 40, 40, 10, 10, 12, 8, 71, "一般"],
    [4, "丁镇党委", "赵军", 50, 48, 24, 24, 0, 0, 90, "好"],
    [],
    [note],
  ];

  // Which kind such a sheet is read as is another matter (it names 书记, not 姓名): its cells are what is judged here.
  const cells = (findings: Finding[]) => at(findings.filter((f) => f.cell !== null));

  it("scores the votes by the sheet's 100/80/60/40, not the rule set's 差 = 0", () => {
    const r = check(sheet("述职评议", rows()));
    expect(r.sheets[0]!.status).toBe("checked");
    expect(cells(r.findings)).toEqual([]);
  });

  it("finds a score worked out with 差 = 0 and a grade outside the stated band (the same table as a 民主评议 of members)", () => {
    // A 书记's 述职评议 with only votes, score and grade is read as an organisation's assessment, where the stated
    // conversion is not yet applied (left open); the same table of members is a 民主评议, where it is.
    const values = rows();
    values[0] = ["2025年度党员民主评议结果统计表"];
    values[1]![2] = "姓名";
    values[2]![9] = 80;
    values[4]![10] = "较好";
    expect(cells(check(sheet("民主评议", values)).findings)).toEqual(["J3 appraisal.scoreMismatch 83.20", "K5 appraisal.resultBandMismatch 一般"]);
  });
});

describe("综合评价 by rater groups: a 权重 row, 综合得分 by the stated weights, 排名 by the score", () => {
  // 40/30/30: 甲 36 + 25.5 + 24 = 85.5; 乙 38 + 27 + 27 = 92; 丙 80; 丁 35.2 + 25.2 + 24.6 = 85; 戊 34.8 + 25.2 + 25.5 = 85.5;
  // 己 28 + 21.6 + 22.5 = 72.1. Places with ties sharing one and the next skipped: 乙 1, 甲 2, 戊 2, 丁 4, 丙 5, 己 6.
  const rows = (ranks: number[] = [2, 1, 5, 4, 2, 6]): CellValue[][] => [
    ["某县2025年度乡镇领导班子成员考核综合评价表"],
    ["序号", "姓名", "现任职务", "上级评价得分", "同级评价得分", "下级评价得分", "综合得分", "排名"],
    [null, null, "权重", "40%", "30%", "30%", "100%", null],
    [1, "甲", "副镇长", 90, 85, 80, 85.5, ranks[0]!],
    [2, "乙", "党委委员", 95, 90, 90, 92, ranks[1]!],
    [3, "丙", "组织委员", 80, 80, 80, 80, ranks[2]!],
    [4, "丁", "宣传委员", 88, 84, 82, 85, ranks[3]!],
    [5, "戊", "武装部长", 87, 84, 85, 85.5, ranks[4]!],
    [6, "己", "副镇长", 70, 72, 75, 72.1, ranks[5]!],
  ];
  const oneDecimal = (values: CellValue[][]) => values.map((row, i) => row.map((_, j) => (i >= 3 && j === 6 ? "0.0" : null)));

  it("reads the 权重 row as part of the header, and finds nothing on a right sheet", () => {
    const r = check(sheet("综合评价", rows()));
    expect(r.sheets[0]!.kind).toBe("assessment");
    expect(r.sheets[0]!.rowRoles).toMatchObject({ data: 6 });
    expect(at(r.findings)).toEqual([]);
  });

  it("finds a plain mean where weights are stated, and a rank out of the score's order", () => {
    const values = rows([2, 1, 4, 4, 2, 6]);
    // 丁: (88 + 84 + 82) ÷ 3 = 84.7 written with one decimal; the weights give 85. 丙 80 ranked 4: its place is 5.
    values[6]![6] = 84.7;
    const r = check(sheet("综合评价", values, { numberFormats: oneDecimal(values) }));
    expect(at(r.findings)).toEqual(["H6 assessment.rankOrder 5", "G7 assessment.weightedScore 85"]);
  });

  it("holds ranks to the sheet's own convention for ties (3, 3, 4 where it ranks so)", () => {
    // Dense places: 乙 1, 甲 2, 戊 2, 丁 3, 丙 4, 己 5.
    expect(at(check(sheet("综合评价", rows([2, 1, 4, 3, 2, 5]))).findings)).toEqual([]);
  });

  it("lets the sheet break a tie by something else (2 and 3 for two 85.5)", () => {
    expect(at(check(sheet("综合评价", rows([2, 1, 5, 4, 3, 6]))).findings)).toEqual([]);
  });

  it("reads weights in the headers (上级（30%）… 服务对象（20%）) and finds 40/30/30 used instead", () => {
    // 30/25/25/20: 26.4 + 21.5 + 22.5 + 18.8 = 89.2; 25.5 + 21.75 + 21 + 16 = 84.25 (40/30/30 without 服务对象 gives 85.3);
    // 27 + 22.75 + 22.25 + 18.4 = 90.4.
    const values: CellValue[][] = [
      ["2025年度县直单位主要负责人考核测评得分汇总表"],
      ["序号", "单位", "姓名", "职务", "上级（30%）", "同级（25%）", "下级（25%）", "服务对象（20%）", "综合得分"],
      [1, "甲局", "张明", "局长", 88, 86, 90, 94, 89.2],
      [2, "乙局", "李华", "局长", 85, 87, 84, 80, 85.3],
      [3, "丙局", "王芳", "主任", 90, 91, 89, 92, 90.4],
    ];
    expect(at(check(sheet("测评汇总", values)).findings)).toEqual(["I4 assessment.weightedScore 84.25"]);
  });
});

describe("rates on 收回票 as the sheet defines them", () => {
  // 称职率 counts 优秀 + 称职 (称职及以上): 甲 (10 + 8) ÷ 20 = 90.0%; 乙 (6 + 10) ÷ 20 = 80.0%; 丙 (12 + 7) ÷ 20 = 95.0%.
  // 不称职率: 甲 0 ÷ 20 = 0.0%; 乙 2 ÷ 20 = 10.0%; 丙 0.0%.
  const rows = (): CellValue[][] => [
    ["某局领导班子成员民主测评统计表"],
    ["姓名", "职务", "发出票数", "收回票数", "优秀", "称职", "基本称职", "不称职", "称职率", "不称职率"],
    ["甲", "局长", 20, 20, 10, 8, 2, 0, "90.0%", "0.0%"],
    ["乙", "副局长", 20, 20, 6, 10, 2, 2, "80.0%", "10.0%"],
    ["丙", "副局长", 20, 20, 12, 7, 1, 0, "95.0%", "0.0%"],
  ];

  it("finds nothing on a right sheet", () => {
    expect(at(check(sheet("测评", rows())).findings)).toEqual([]);
  });

  it("finds a 称职率 of 称职 alone and a 不称职率 on the wrong count", () => {
    const values = rows();
    values[3]![8] = "50.0%"; // 10 ÷ 20: 称职 alone
    values[3]![9] = "20.0%";
    expect(at(check(sheet("测评", values)).findings)).toEqual(["I4 appraisal.competentRateMismatch 80.0%", "J4 appraisal.incompetentRateMismatch 10.0%"]);
  });
});

describe("a cadre's 等次 under the bands the sheet states", () => {
  const rows = (): CellValue[][] => [
    ["某县2025年度乡镇领导班子成员年度考核等次拟定表"],
    ["等次标准：综合得分90分及以上为优秀，75分及以上为称职，60分及以上为基本称职，60分以下为不称职。"],
    ["序号", "姓名", "现任职务", "综合得分", "考核等次"],
    [1, "甲", "副镇长", 93.5, "优秀"],
    [2, "乙", "组织委员", 87.4, "称职"],
    // 72.2: 称职 by the rule set's default bands (from 70), 基本称职 by the sheet's (称职 from 75).
    [3, "丙", "宣传委员", 72.2, "基本称职"],
    [4, "丁", "武装部长", 80, "称职"],
    // Ten assessed in all: two 优秀 stay within the 20% quota.
    ...["戊", "己", "庚", "辛", "壬", "癸"].map((name, i): CellValue[] => [5 + i, name, "副镇长", 78 + i, "称职"]),
  ];

  it("holds each 等次 to the stated bands, not the rule set's", () => {
    expect(at(check(sheet("拟定等次", rows())).findings)).toEqual([]);
  });

  it("finds 优秀 below the stated 90", () => {
    const values = rows();
    values[4]![4] = "优秀";
    expect(at(check(sheet("拟定等次", values)).findings)).toEqual(["E5 assessment.gradeBand 称职"]);
  });
});

describe("a quota for the top grade stated in a note", () => {
  it("reads the share and the number from the clause that names the grade in quotes", () => {
    const note = "说明：合计90分及以上且排名在前20%（本次11个支部，最多2个）的评为“好”；80分及以上为“较好”。";
    expect(quotaInNote(note, "好")).toEqual({ share: 0.2, count: 2 });
    expect(quotaInNote("80分及以上为“较好”；70分及以上为“一般”。", "好")).toBeNull();
  });
});

describe("places by score", () => {
  it("shares a place among ties, then skips (competition) or not (dense)", () => {
    expect(placesByScore([90, 87.4, 93, 87.4, 80], "competition")).toEqual([2, 3, 1, 3, 5]);
    expect(placesByScore([90, 87.4, 93, 87.4, 80], "dense")).toEqual([2, 3, 1, 3, 4]);
  });
});

describe("an approved postponement of an election written as 批复", () => {
  it("reads 经街道党工委批复，延期至2026年3月换届 as approved, to March 2026", () => {
    const [fact] = readNotes("经街道党工委批复，延期至2026年3月换届").filter((f) => f.kind === "electionDelay");
    expect(fact).toMatchObject({ approved: true, dayPrecision: "month" });
    // 2026-03-01 as a day number (days since 1970-01-01): 20513.
    expect(fact!.day).toBe(Date.UTC(2026, 2, 1) / 86_400_000);
  });
});
