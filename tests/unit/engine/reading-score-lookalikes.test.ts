import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { book, sheet } from "./grid-helpers.js";

/**
 * Score sheets that look like a 民主测评 but are not a Party ledger: a 民主党派's own member assessment, a
 * company's staff KPI sheet, a blank 测评票. Each stays 未检查 (no kind, no finding), while the Party sheet of the
 * same shape beside it is still read.
 */
const VOTE_HEADER = ["序号", "姓名", "工作单位", "优秀", "合格", "不合格", "考核等次"];
const VOTE_ROWS: CellValue[][] = [
  [1, "张伟", "市第一中学", 15, 6, 0, "优秀"],
  [2, "李娜", "市中心医院", 9, 12, 0, "合格"],
  [3, "王强", "市政协机关", 8, 13, 0, "合格"],
  [4, "赵敏", "区人民法院", 5, 15, 1, "合格"],
];

function kindOf(title: string, header: CellValue[], rows: CellValue[][], name = "Sheet1"): string | null {
  const r = checkWorkbook(book(sheet(name, [[title], header, ...rows])), { asOf: "2025-12-31" });
  return r.sheets[0]!.kind;
}

describe("a 民主党派's member assessment is not a Party appraisal", () => {
  it("a title naming 民盟 and its 盟员 settles it", () => {
    expect(kindOf("民盟某市委会第一支部2025年度盟员考核测评统计表", VOTE_HEADER, VOTE_ROWS)).toBeNull();
  });

  it("九三学社 in the sheet name does too", () => {
    expect(kindOf("2025年度社员考核测评统计表", VOTE_HEADER, VOTE_ROWS, "九三学社支社")).toBeNull();
  });

  it("a column of 盟内职务 says it in the header", () => {
    const header = ["序号", "姓名", "盟内职务", "优秀", "合格", "不合格", "考核等次"];
    expect(kindOf("2025年度成员考核测评统计表", header, VOTE_ROWS)).toBeNull();
  });

  it("the same votes under a Party branch's title are read", () => {
    expect(kindOf("某局机关党委2025年度干部考核测评统计表", VOTE_HEADER, VOTE_ROWS)).toBe("assessment");
  });

  it("a 盟委 of Inner Mongolia is a Party committee, not a 民主党派", () => {
    expect(kindOf("中共某盟委组织部2025年度干部考核测评统计表", VOTE_HEADER, VOTE_ROWS)).toBe("assessment");
  });
});

describe("a company's staff KPI sheet is not a cadre assessment", () => {
  const header = ["序号", "姓名", "岗位", "销售额（40%）", "回款率（30%）", "客户满意度（30%）", "综合得分", "排名"];
  // 90×0.4 + 80×0.3 + 85×0.3 = 85.5; 70×0.4 + 90×0.3 + 80×0.3 = 79
  const rows: CellValue[][] = [
    [1, "张伟", "销售经理", 90, 80, 85, 85.5, 1],
    [2, "李娜", "销售代表", 70, 90, 80, 79, 2],
  ];

  it("business results in the header settle it", () => {
    expect(kindOf("某软件有限公司2025年度销售部员工绩效考核表", header, rows)).toBeNull();
  });

  it("a 年终系数 column does too, whatever the title", () => {
    const h = ["序号", "姓名", "职务", "综合得分", "排名", "年终系数"];
    expect(kindOf("2025年度考核得分表", h, [[1, "张伟", "经理", 85.5, 1, 1.2], [2, "李娜", "主管", 79, 2, 1.0]])).toBeNull();
  });

  it("a cadre's 综合得分 and 排名 without them are read", () => {
    const h = ["序号", "姓名", "职务", "综合得分", "排名"];
    expect(kindOf("2025年度干部考核测评得分表", h, [[1, "张伟", "局长", 85.5, 1], [2, "李娜", "副局长", 79, 2]])).toBe("assessment");
  });
});

describe("a blank 测评票 is not a record of votes", () => {
  const header = ["序号", "姓名", "现任职务", "优秀", "称职", "基本称职", "不称职"];

  it("names with every vote box empty are not checked, and give no finding", () => {
    const rows: CellValue[][] = [
      [1, "张伟", "局长"],
      [2, "李娜", "副局长"],
      [3, "王强", "副局长"],
    ];
    const r = checkWorkbook(book(sheet("测评票", [["某局领导班子成员2025年度民主测评票"], header, ...rows])), { asOf: "2025-12-31" });
    expect(r.sheets[0]!.kind).toBeNull();
    expect(r.sheets[0]!.status).not.toBe("checked");
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("an import template with its header only is still that template, empty (not a ballot)", () => {
    const r = checkWorkbook(book(sheet("Sheet1", [header])), { asOf: "2025-12-31" });
    expect(r.sheets[0]!.kind).toBe("assessment");
    expect(r.sheets[0]!.status).not.toBe("checked");
  });

  it("the same sheet with the votes counted is read", () => {
    const rows: CellValue[][] = [
      [1, "张伟", "局长", 20, 8, 2, 0],
      [2, "李娜", "副局长", 15, 13, 2, 0],
    ];
    expect(kindOf("某局领导班子成员2025年度民主测评统计表", header, rows, "测评统计")).toBe("assessment");
  });

  it("one counted vote is enough to make it a record", () => {
    const rows: CellValue[][] = [
      [1, "张伟", "局长", 20],
      [2, "李娜", "副局长"],
    ];
    expect(kindOf("某局领导班子成员2025年度民主测评统计表", header, rows, "测评统计")).toBe("assessment");
  });
});

describe("a 述职评议 of 书记 is a 测评 of each 书记, not 民主评议党员", () => {
  const TITLE = "2025年度乡镇党委书记抓基层党建工作述职评议结果统计表";
  const header = ["序号", "乡镇党委", "书记", "发出票数", "收回票数", "好", "较好", "一般", "差", "满意度", "测评得分", "评议等次"];
  // 满意度 (30 + 15) ÷ 50 = 90%; 测评得分 (30×100 + 15×80 + 5×60) ÷ 50 = 90
  // 满意度 (25 + 20) ÷ 50 = 90%; 测评得分 (25×100 + 20×80 + 4×60 + 1×40) ÷ 50 = 87.6
  const rows: CellValue[][] = [
    [1, "东城镇党委", "张伟", 50, 50, 30, 15, 5, 0, 0.9, 90, "好"],
    [2, "西河乡党委", "李娜", 50, 50, 25, 20, 4, 1, 0.9, 87.6, "较好"],
  ];

  it("with ballots, 满意度 and 测评得分 it is read as an assessment of the 书记 named", () => {
    const r = checkWorkbook(book(sheet("述职评议", [[TITLE], header, ...rows])), { asOf: "2026-01-10" });
    expect(r.sheets[0]!.kind).toBe("assessment");
    expect(r.sheets[0]!.matched.find((m) => m.header === "书记")?.field).toBe("name");
    expect(r.sheets[0]!.matched.find((m) => m.header === "满意度")?.field).toBe("composite");
  });

  it("with votes and grades only, it is still no appraisal of members", () => {
    const h = ["序号", "乡镇党委", "书记", "好", "较好", "一般", "差", "评议等次"];
    const kind = kindOf(TITLE, h, [[1, "东城镇党委", "张伟", 30, 15, 5, 0, "好"], [2, "西河乡党委", "李娜", 25, 20, 4, 1, "较好"]]);
    expect(kind).not.toBeNull();
    expect(kind).not.toBe("appraisal");
  });

  it("a 民主评议 of members, one row per 党员, is still an appraisal", () => {
    const h = ["序号", "姓名", "优秀", "合格", "基本合格", "不合格", "评议结果"];
    const r = kindOf("某党支部2025年度民主评议党员结果", h, [[1, "张伟", 10, 2, 0, 0, "优秀"], [2, "李娜", 3, 9, 0, 0, "合格"]]);
    expect(r).toBe("appraisal");
  });
});
