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
