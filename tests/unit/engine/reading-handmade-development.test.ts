import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { book, sheet } from "./grid-helpers.js";

const check = (rows: CellValue[][]) => checkWorkbook(book(sheet("Sheet1", rows)), { asOf: "2025-12-31" });
const codesAt = (r: ReturnType<typeof check>) => r.findings.filter((f) => f.severity !== "info").map((f) => `${f.cell} ${f.code}`);

describe("a development record with the clerk's one-word step headers", () => {
  const H = ["姓名", "性别", "出生年月", "申请", "谈话", "积极分子", "发展对象", "培训", "介绍人", "接收", "审批"];
  it("reads each word as its step's date and checks the steps", () => {
    const r = check([
      ["某社区党委发展党员工作台账"],
      H,
      // in order, a talk 10 days after applying, a year and more as activist, three days' training, two sponsors
      ["王一", "男", "1994.3", "2022.5.10", "2022.5.20", "2022.11.10", "2023.12.10", "2024.1.2-1.4", "张三、李四", "2024.3.10", "2024.5.10"],
      // talk two months after applying; training two days; one sponsor; approval seven months after admission
      ["赵二", "女", "1996.1", "2022.6.14", "2022.8.14", "2022.12.14", "2024.1.14", "2024.2.2-2.3", "张三", "2024.4.14", "2024.11.14"],
    ]);
    expect(r.sheets[0]!.kind).toBe("development");
    expect(codesAt(r).sort()).toEqual(["E4 development.talkLate", "H4 development.trainingShort", "I4 development.sponsorCount", "K4 development.approvalLate"]);
  });
});

describe("a development record kept in long form: one row per step, the name repeated", () => {
  const rows: CellValue[][] = [
    ["某中心学校党支部发展党员情况登记"],
    ["姓名", "性别", "阶段", "时间", "备注"],
    ["王芳", "女", "申请入党", "2020-03-09", null],
    ["王芳", "女", "确定积极分子", "2020-09-09", null],
    // only eight months as an activist
    ["王芳", "女", "确定发展对象", "2021-05-09", null],
    ["李强", "男", "申请入党", "2020-10-14", null],
    // named an activist before applying
    ["李强", "男", "确定积极分子", "2020-09-24", null],
    ["李强", "男", "确定发展对象", "2021-10-24", null],
    ["李强", "男", "接收预备党员", "2022-01-24", null],
    // no 转正 row: the probation ended 2023-01-24, long before the as-of day
    ["赵敏", "女", "接收预备党员", "2023-03-01", null],
    ["赵敏", "女", "转正", "2024-03-01", null],
  ];

  it("is read as one record per person, its findings at the cells as written", () => {
    const r = check(rows);
    expect(r.sheets[0]!.kind).toBe("development");
    expect(r.sheets[0]!.reason).toContain("一人多行");
    const at = r.findings.filter((f) => f.severity !== "info").map((f) => `${f.cell} ${f.code}`);
    expect(at).toContain("D5 development.activistTooShort");
    expect(at).toContain("D7 dates.order");
    // The missing 转正 is said at the last step the person has (接收预备党员, D9).
    expect(r.findings.find((f) => f.code.startsWith("probation.") && f.severity === "warning")?.cell).toBe("D9");
    // Three people, not nine rows: the repeated name is no duplicate.
    expect(r.sheets[0]!.rows).toBe(3);
  });

  it("a sheet with a 阶段 column but one row a person is not folded", () => {
    const wide: CellValue[][] = [
      ["发展党员情况"],
      ["姓名", "阶段", "时间"],
      ["王芳", "申请入党", "2020-03-09"],
      ["李强", "确定积极分子", "2020-09-24"],
      ["赵敏", "确定发展对象", "2021-10-24"],
      ["钱进", "接收预备党员", "2022-01-24"],
    ];
    const r = check(wide);
    expect(r.sheets[0]!.reason ?? "").not.toContain("一人多行");
  });
});
