import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { readCommitteeMakeup } from "../../../shared/rules/committee/makeup-cell.js";
import { book, serial, sheet } from "./grid-helpers.js";

// 支部工作条例 第六章: 7 or more 正式党员 → a 支部委员会 of 3–5 (at most 7); fewer → a 书记 and at most one 副书记.
describe("a committee written in one cell", () => {
  it("reads posts and names in either form", () => {
    expect(readCommitteeMakeup("书记：甲乙丙；组织委员：丁戊、己庚；纪检委员：辛壬")?.people).toEqual([
      { name: "甲乙丙", post: "secretary" },
      { name: "丁戊", post: "member" },
      { name: "己庚", post: "member" },
      { name: "辛壬", post: "member" },
    ]);
    expect(readCommitteeMakeup("王一（书记）、李二（副书记）")?.people.map((p) => p.post)).toEqual(["secretary", "deputy"]);
    // A sentence is no list of posts.
    expect(readCommitteeMakeup("按期完成换届选举")).toBeNull();
    expect(readCommitteeMakeup("书记由校长兼任，其余委员待补选")).toBeNull();
  });

  const register = (rows: CellValue[][]): CellValue[][] => [
    ["某局党委所属党支部换届情况一览表"],
    ["序号", "党支部名称", "正式党员", "上次换届时间", "届满时间", "支部委员会组成"],
    ...rows,
  ];
  const committee = (n: number): string =>
    ["书记：赵一", ...Array.from({ length: n - 1 }, (_, i) => `委员：${"钱孙李周吴郑王冯陈褚"[i]}二`)].join("；");

  it("judges each row's committee against its 正式党员 at the cell that lists it", () => {
    const grid = register([
      [1, "第一党支部", "十二人", "2024.6", "2027.6", committee(5)], // 12 with 5: right
      [2, "第二党支部", "五人", "2024.6", "2027.6", "书记：孙二；组织委员：李三；宣传委员：周四"], // 5 with a committee of 3
      [3, "第三党支部", "二十人", "2024.6", "2027.6", "书记：吴五"], // 20 with only a 书记
      [4, "第四党支部", "40人", "2024.6", "2027.6", committee(8)], // a committee of 8
      [5, "第五党支部", "四人", "2024.6", "2027.6", "书记：郑六；副书记：王七"], // 4 with 书记 and 副书记: right
      [6, "第六党支部", "十人", "2024.6", "2027.6", committee(6)], // 6: above the usual 5, within 7
    ]);
    const r = checkWorkbook(book(sheet("换届", grid)), { asOf: "2025-06-30" });
    expect(r.sheets[0]!.kind).toBe("committee");
    const at = (code: string) => r.findings.filter((f) => f.code === code).map((f) => `${f.cell}:${f.severity}`);
    expect(at("committee.tooBigForBranch")).toEqual(["F4:error"]);
    expect(at("committee.committeeRequired")).toEqual(["F5:error"]);
    expect(at("committee.size")).toEqual(["F6:error"]);
    expect(at("committee.sizeAboveNormal")).toEqual(["F8:warning"]);
    expect(r.findings.filter((f) => f.row === 3 || f.row === 7)).toEqual([]);
  });
});

describe("a committee list whose cover line states the 正式党员", () => {
  const list = (count: string, posts: string[]): CellValue[][] => [
    ["某小学党支部委员会成员名单"],
    [`党员总数：${count}\u3000\u3000上届选举时间：2024年9月`],
    ["序号", "姓名", "支部职务", "当选时间", "届满时间"],
    ...posts.map((p, i): CellValue[] => [i + 1, ["张明", "李华", "王强"][i]!, p, serial("2024-09-10"), serial("2027-09-09")]),
  ];

  it("10 正式党员 with only a 书记 and a 副书记: a committee is required, said at the last post", () => {
    const r = checkWorkbook(book(sheet("支委", list("11名（正式党员10名、预备党员1名）", ["书记", "副书记"]))), { asOf: "2025-12-31" });
    expect(r.sheets[0]!.kind).toBe("committee");
    const f = r.findings.filter((x) => x.code === "committee.committeeRequired");
    expect(f.map((x) => `${x.cell}:${x.severity}`)).toEqual(["C5:error"]);
    expect(f[0]!.message).toContain("10 人");
  });

  it("6 正式党员 with a 书记 and a 副书记 is the small branch's form: no finding on its size", () => {
    const r = checkWorkbook(book(sheet("支委", list("7名（正式党员6名、预备党员1名）", ["书记", "副书记"]))), { asOf: "2025-12-31" });
    expect(r.findings.filter((x) => x.code.startsWith("committee.") && x.code !== "committee.termExpired")).toEqual([]);
  });

  it("members elected on different days share the term their rows write: over on 2027-09-09, not before", () => {
    const rows = list("11名（正式党员10名、预备党员1名）", ["书记", "副书记"]);
    rows[4]![3] = serial("2025-03-01"); // 补选: no day is shared by two members
    const running = checkWorkbook(book(sheet("支委", rows)), { asOf: "2026-12-31" });
    expect(running.findings.filter((x) => x.code === "committee.termExpired")).toEqual([]);
    const over = checkWorkbook(book(sheet("支委", rows)), { asOf: "2028-03-31" });
    expect(over.findings.filter((x) => x.code === "committee.termExpired").map((x) => x.cell)).toEqual(["E4"]);
  });
});
