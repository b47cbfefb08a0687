import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { book, makeId, sheet } from "./grid-helpers.js";

const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
const asOf = "2025-12-31";

function firstSheet(name: string, rows: CellValue[][]) {
  const r = checkWorkbook(book(sheet(name, rows)), { asOf });
  return { report: r.sheets[0]!, findings: r.findings };
}

/** Not ours: left unrecognised, said to look like `foreign`, and nothing reported on it. */
function expectForeign(name: string, rows: CellValue[][], foreign: string) {
  const { report, findings } = firstSheet(name, rows);
  expect(report.status).toBe("unrecognised");
  expect(report.candidates[0]!.foreign).toBe(foreign);
  expect(findings).toEqual([]);
}

describe("sheets from the same offices that look like ledgers but are not", () => {
  it("a cadre information list (任现职时间) is a cadre file, while a roster with 现任职务 stays a roster", () => {
    const cadre: CellValue[][] = [
      ["县直单位科级干部基本信息一览表"],
      ["序号", "姓名", "性别", "民族", "出生年月", "入党时间", "参加工作时间", "现任职务", "任现职时间"],
      [1, "吴敏", "女", "汉族", "1973年2月", "1999年2月", "1995年8月", "局长", "2021年9月"],
      [2, "莫军", "男", "汉族", "1972年9月", "1997年9月", "1994年9月", "副局长", "2021年9月"],
    ];
    expectForeign("干部信息", cadre, "cadre");

    const roster: CellValue[][] = [
      ["机关干部党员花名册"],
      ["序号", "姓名", "性别", "身份证号", "出生年月", "入党时间", "转正时间", "现任职务"],
      [1, "吴敏", "女", makeId("1973-02-10", "女"), "1973年2月", "1999年2月", "2000年2月", "局长"],
      [2, "莫军", "男", makeId("1972-09-03", "男", "110105", 13), "1972年9月", "1997年9月", "1998年9月", "副局长"],
    ];
    expect(firstSheet("花名册", roster).report).toMatchObject({ status: "checked", kind: "roster" });
  });

  it("a monthly points table (积分) is not a 民主评议, which stays one", () => {
    const points: CellValue[][] = [
      ["2025年党员积分月度统计表"],
      ["序号", "姓名", "所在党小组", ...months, "年度总积分", "评定等次"],
      [1, "汪敏", "第一党小组", ...Array(12).fill(7), 84, "合格"],
      [2, "蔡军", "第二党小组", ...Array(12).fill(8), 96, "优秀"],
    ];
    expectForeign("积分", points, "points");

    const appraisal: CellValue[][] = [
      ["2025年度民主评议党员结果汇总表"],
      ["序号", "姓名", "所在党小组", "个人自评", "评定等次"],
      [1, "汪敏", "第一党小组", "合格", "合格"],
      [2, "蔡军", "第二党小组", "优秀", "优秀"],
    ];
    expect(firstSheet("评议", appraisal).report).toMatchObject({ status: "checked", kind: "appraisal" });
  });

  it("meal charges by month are not dues; a 食堂 branch's 党费 ledger, or one whose title also names 餐费, stays dues", () => {
    const meals: CellValue[][] = [
      ["县人民医院2025年职工食堂就餐费扣缴明细（单位：元）"],
      ["序号", "姓名", "科室", ...months, "合计"],
      [1, "邓军", "内科", ...Array(12).fill(220), 2640],
      [2, "白敏", "外科", ...Array(12).fill(225), 2700],
    ];
    expectForeign("扣缴明细", meals, "charges");

    // 4000 → 1% = 40.00 a month (2008规定第二条), 480.00 a year.
    const dues = (title: string): CellValue[][] => [
      [title],
      ["序号", "姓名", "月缴费基数", "月应缴党费", ...months, "合计"],
      [1, "邓军", 4000, 40, ...Array(12).fill(40), 480],
    ];
    for (const title of ["后勤食堂党支部2025年党费收缴台账", "2025年党费收缴台账（餐费另表登记）"]) {
      const { report, findings } = firstSheet("2025年", dues(title));
      expect(report, title).toMatchObject({ status: "checked", kind: "dues" });
      expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    }
  });

  it("an organisation-transfer book (转出单位, 转入单位, 介绍信编号) is not a roster; a roster with 转入时间 stays one", () => {
    const transfers: CellValue[][] = [
      ["2025年党员组织关系转接登记簿"],
      ["序号", "姓名", "性别", "身份证号", "党员类别", "入党时间", "转出单位", "转入单位", "介绍信编号", "转接日期"],
      [1, "何军", "男", makeId("1953-03-17", "男"), "正式党员", "1984-03-17", "区教育局党委", "市教育局党委", "组转〔2025〕100号", "2025-01-10"],
      [2, "谢敏", "女", makeId("1952-01-28", "女", "110105", 13), "正式党员", "1982-01-28", "街道党工委", "区人社局党委", "组转〔2025〕101号", "2025-02-11"],
    ];
    expectForeign("转接登记", transfers, "transfer");

    const roster: CellValue[][] = [
      ["党员花名册"],
      ["序号", "姓名", "性别", "身份证号", "党员类别", "入党时间", "转正时间", "转入时间"],
      [1, "何军", "男", makeId("1953-03-17", "男"), "正式党员", "1984-03-17", "1985-03-17", "2025-01-10"],
      [2, "谢敏", "女", makeId("1952-01-28", "女", "110105", 13), "正式党员", "1982-01-28", "1983-01-28", "2025-02-11"],
    ];
    expect(firstSheet("花名册", roster).report).toMatchObject({ status: "checked", kind: "roster" });
  });
});

describe("a civil servants' grades list of one year", () => {
  it("is read with 职务职级 and 2025年度考核等次, and its 奖惩情况 limits the grade (诫勉: not 优秀; 记过: 不定等次)", () => {
    const rows: CellValue[][] = [
      ["鸾山镇机关2025年度公务员年度考核等次汇总表"],
      ["序号", "姓名", "性别", "职务职级", "2025年度考核等次", "奖惩情况"],
      [1, "方强", "男", "党委书记", "称职", null],
      [2, "卢明", "男", "镇长", "称职", null],
      [3, "黎军", "男", "纪委书记", "优秀", "2025年3月受诫勉处理"],
      [4, "曹敏", "女", "副镇长", "称职", "2025年6月受记过处分"],
      [5, "陈志", "男", "一级科员", "称职", null],
    ];
    const { report, findings } = firstSheet("考核等次", rows);
    expect(report).toMatchObject({ status: "checked", kind: "cadre-grades" });
    expect(findings.filter((f) => f.severity === "error").map((f) => `${f.cell} ${f.code}`)).toEqual(["E5 cadre.sanctionNotGrade", "E6 cadre.sanctionGrade"]);
  });
});
