import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { resolveDuesCategory } from "../../../shared/scoring/dues.js";
import { DEFAULT_RULE_SET } from "../../../shared/ruleset/default.js";
import { book, serial, sheet } from "./grid-helpers.js";

/**
 * Clerks space a short header out to its column's width (姓 名, 阶 段, 备 注, 合 计, 在 职): the
 * same word. Each sheet below is written by hand; its findings were worked out by hand and must not
 * change when its words are spaced out.
 */
const IDEOGRAPHIC_SPACE = "\u3000";
const spaceOut = (t: string) => [...t].join(IDEOGRAPHIC_SPACE);
const at = (r: ReturnType<typeof checkWorkbook>) =>
  r.findings
    .filter((f) => f.severity !== "info")
    .map((f) => `${f.cell ?? f.period ?? "-"} ${f.code}:${f.severity}`)
    .sort();

describe("a long-form development record headed 姓　名 | 阶　段 | 时　间", () => {
  const rows = (spaced: boolean): CellValue[][] => [
    ["某中心学校党支部发展党员情况登记"],
    ["姓名", "性别", "阶段", "时间", "备注"].map((h) => (spaced ? spaceOut(h) : h)),
    ["王芳", "女", "申请入党", "2020-03-09", null],
    ["王芳", "女", "确定积极分子", "2020-09-09", null],
    // only eight months as an activist (细则第十三条: at least a year)
    ["王芳", "女", "确定发展对象", "2021-05-09", null],
    ["李强", "男", "申请入党", "2020-10-14", null],
    ["李强", "男", "确定积极分子", "2021-04-24", null],
  ];
  it("is still read as one record per person, the short activist year found at D5", () => {
    const r = checkWorkbook(book(sheet("发展党员", rows(true))), { asOf: "2025-12-31" });
    expect(r.sheets[0]!.kind).toBe("development");
    expect(at(r)).toContain("D5 development.activistTooShort:error");
    expect(at(r)).toEqual(at(checkWorkbook(book(sheet("发展党员", rows(false))), { asOf: "2025-12-31" })));
  });
});

describe("a register kept one row a month with a 备　注 column", () => {
  const rows = (spaced: boolean): CellValue[][] => [
    ["某社区党支部2025年三会一课落实情况"],
    [spaced ? spaceOut("月份") : "月份", "开展情况", null, null, spaced ? spaceOut("备注") : "备注"],
    ["1月", "6日 支委会", "10日 主题党日", "16日 党小组会", "书记外出学习"],
    ["2月", "7日 支委会", "14日 主题党日", "20日 党小组会", null],
    ["3月", "5日 支委会", "10日 主题党日", "18日 党小组会", "党员大会延至4月"],
  ];
  it("reads the 备注 as notes, not meetings: the sheet is a register either way", () => {
    const spaced = checkWorkbook(book(sheet("三会一课", rows(true))), { asOf: "2025-03-31" });
    expect(spaced.sheets[0]!.kind).toBe("meetings");
    // No 党员大会 in the first quarter (条例第十条: 每季度一次).
    expect(at(spaced)).toContain("2025-Q1 meetings.missing:warning");
    expect(at(spaced)).toEqual(at(checkWorkbook(book(sheet("三会一课", rows(false))), { asOf: "2025-03-31" })));
  });
});

describe("a meetings register whose 应到 / 实到 headings stand over 合　计 and 有表决权", () => {
  const rows = (spaced: boolean): CellValue[][] => {
    const total = spaced ? spaceOut("合计") : "合计";
    return [
      ["某车间党支部2026年支部党员大会记录登记表"],
      ["序号", "召开时间", "主持人", "会议议题", "应到会（人）", null, "实到会（人）", null],
      [null, null, null, null, total, "有表决权", total, "有表决权"],
      // 29 due, 14 present: not more than half (条例第十条).
      [1, serial("2026-01-15"), "赵德胜", "研究年度工作计划", 29, 27, 14, 13],
      [2, serial("2026-04-15"), "赵德胜", "讨论发展对象", 29, 27, 26, 24],
    ];
  };
  const merges = [0, 1, 2, 3].map((c) => ({ r0: 1, c0: c, r1: 2, c1: c })).concat([{ r0: 1, c0: 4, r1: 1, c1: 5 }, { r0: 1, c0: 6, r1: 1, c1: 7 }]);
  it("takes 合　计 as the whole of its heading, so the quorum is judged at G4", () => {
    const spaced = checkWorkbook(book(sheet("党员大会", rows(true), { merges })), { asOf: "2026-06-30" });
    expect(at(spaced).filter((f) => f.startsWith("G4"))).toEqual(["G4 meetings.quorumGeneral:error"]);
    const plain = checkWorkbook(book(sheet("党员大会", rows(false), { merges })), { asOf: "2026-06-30" });
    expect(at(spaced)).toEqual(at(plain));
  });
});

describe("a dues category spaced out: 在　职, 退　休", () => {
  it("is the category the word names", () => {
    const rules = DEFAULT_RULE_SET.dues;
    expect(resolveDuesCategory("在　职", rules)).toBe(resolveDuesCategory("在职", rules));
    expect(resolveDuesCategory("退 休", rules)).toBe("离退休");
    expect(resolveDuesCategory("不是类别", rules)).toBeNull();
  });
});

describe("a 党课 register whose 职　务 column says who lectured", () => {
  const rows = (post: string): CellValue[][] => [
    ["某档案馆党支部2025年党课开展情况登记表"],
    ["序号", "授课时间", "授课人", post, "党课题目", "参加人数"],
    [1, "2025年3月28日", "黄振华", "支部书记", "深入贯彻中央八项规定精神", 21],
    [2, "2025年5月9日", "覃素芬", "馆长", "档案工作与依法治档", 20],
    [3, "2025年9月12日", "韦志明", "副馆长", "档案安全", 19],
    [4, "2025年11月20日", "覃素芬", "馆长", "学习全会精神", 20],
  ];
  const lecture = (post: string) => checkWorkbook(book(sheet("党课", rows(post))), { asOf: "2025-12-31" }).findings.filter((f) => f.code === "meetings.secretaryLecture");
  it("counts the secretary's lecture by the post, however the header is spaced (条例第十六条)", () => {
    expect(lecture("职务")).toEqual([]);
    expect(lecture("职　务")).toEqual([]);
    // A column headed with no post word says nothing of who lectured: the year has no lecture by the secretary.
    expect(lecture("单位").map((f) => f.period)).toEqual(["2025"]);
  });
});
