import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { book, makeId, sheet } from "./grid-helpers.js";

function check(rows: CellValue[][]) {
  const r = checkWorkbook(book(sheet("名册", rows)), { asOf: "2025-12-31" });
  return { report: r.sheets[0]!, findings: r.findings };
}

const head = ["序号", "姓名", "性别", "身份证号码", "政治面貌", "入党时间", "岗位"];
const people: [string, "男" | "女", string, string][] = [
  ["韩立军", "男", "1980-03-04", "2005-06-01"],
  ["周敏", "女", "1985-07-12", "2010-07-01"],
  ["石磊", "男", "1990-11-02", "2014-05-20"],
  ["吕芳", "女", "1988-01-23", "2012-12-01"],
  ["陈立新", "男", "1979-09-30", "2003-07-01"],
];

function rows(statusOf: (k: number) => string): CellValue[][] {
  return [
    head,
    ...people.map(([name, sex, birth, join], k): CellValue[] => {
      const status = statusOf(k);
      return [k + 1, name, sex, makeId(birth, sex, "110105", 20 + k), status, status.includes("党员") ? join : null, "综合办公"];
    }),
  ];
}

describe("a staff roster that lists 群众 and 共青团员 beside Party members", () => {
  it("is not a Party roster: left unrecognised, said to be a staff roster, nothing reported", () => {
    const { report, findings } = check(rows((k) => (k === 1 ? "群众" : k === 3 ? "共青团员" : "中共党员")));
    expect(report.status).toBe("unrecognised");
    expect(report.candidates[0]!.foreign).toBe("staff");
    expect(findings).toEqual([]);
  });

  it("a roster whose 政治面貌 says only 中共党员 or 中共预备党员 stays a roster, as does one lone 群众", () => {
    expect(check(rows((k) => (k === 2 ? "中共预备党员" : "中共党员"))).report).toMatchObject({ status: "checked", kind: "roster" });
    expect(check(rows((k) => (k === 2 ? "群众" : "中共党员"))).report).toMatchObject({ status: "checked", kind: "roster" });
  });
});
