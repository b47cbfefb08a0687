import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bookDelta, checkBook, checkSheetInBook, checkWorkbook, type CellValue, type Finding } from "../../../shared/index.js";
import { readWorkbookFile } from "../../../shared/reader/index.js";
import { BRANCH_BOOK_FINDINGS } from "../../fixtures/realistic/branch-book.js";
import { book, makeId, sheet } from "./grid-helpers.js";

const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
const key = (f: { sheet: string; cell: string | null; code: string }) => `${f.sheet}!${f.cell ?? "-"} ${f.code}`;
const judged = (findings: Finding[]) => findings.filter((f) => f.severity !== "info");

/** A roster of n full members (and the extra rows given), IDs valid. */
function roster(n: number, extra: CellValue[][] = []): CellValue[][] {
  const rows: CellValue[][] = [["姓名", "身份证号码", "入党时间", "转正时间", "党籍状态", "组织关系转出时间"]];
  for (let i = 0; i < n; i++) rows.push([`党员${"甲乙丙丁戊己庚辛壬癸子丑寅卯"[i]}`, makeId(`198${i % 10}-0${(i % 9) + 1}-10`, i % 2 === 0 ? "男" : "女", "110105", i + 1), "2005-07-01", "2006-07-01", "正式党员", null]);
  return [...rows, ...extra];
}

function committee(posts: string[]): CellValue[][] {
  return [["姓名", "职务"], ...posts.map((p, i) => [`委员${i}`, p])];
}

describe("the ledger book: a committee for the roster's full members (M11)", () => {
  it.each([
    [7, ["书记", "委员", "委员"], []],
    [7, ["书记", "委员"], ["committee.sizeForBranch"]],
    [7, ["书记", "副书记", "委员", "委员", "委员", "委员"], ["committee.sizeAboveNormal"]],
    [8, ["书记", "委员", "委员", "委员", "委员", "委员", "委员", "委员"], ["committee.sizeForBranch"]],
    [6, ["书记", "副书记"], []],
    [6, ["书记", "副书记", "委员"], ["committee.tooBigForBranch"]],
    [7, ["副书记", "委员", "委员"], ["committee.noSecretary"]],
  ])("%i full members, committee %j", (members, posts, codes) => {
    const r = checkWorkbook(book(sheet("花名册", roster(members)), sheet("支委会", committee(posts))), { asOf: "2025-12-31" });
    expect(r.sheets.map((s) => s.kind)).toEqual(["roster", "committee"]);
    expect(judged(r.findings).map((f) => f.code).filter((c) => c.startsWith("committee"))).toEqual(codes);
  });
});

describe("the ledger book: a roster kept on two sheets", () => {
  const header = ["姓名", "身份证号码", "入党时间", "转正时间", "党籍状态"];
  const member = (name: string, birth: string, seq: number): CellValue[] => [name, makeId(birth, "男", "110105", seq), "2005-07-01", "2006-07-01", "正式党员"];
  const first = [header, member("赵一", "1970-01-02", 1), member("钱二", "1971-02-03", 2), member("孙三", "1972-03-04", 3), member("李四", "1973-04-05", 4), member("周五", "1974-05-06", 5)];

  // The second sheet's second row is 钱二 again, under another spelling of the name.
  const second: CellValue[][] = [header, member("吴六", "1975-06-07", 6), ["钱 二", first[2]![1]!, "2005-07-01", "2006-07-01", "正式党员"], member("郑七", "1976-07-08", 7)];

  it("finds a member whose ID is on two branches' sheets (a 总支's workbook), at the second sheet's cell, naming the first", () => {
    const r = checkWorkbook(book(sheet("第一党支部", first), sheet("第二党支部", second)), { asOf: "2025-12-31" });
    expect(r.sheets.map((s) => s.kind)).toEqual(["roster", "roster"]);
    expect(judged(r.findings).map((f) => [f.sheet, f.cell, f.code, f.related?.sheet, f.related?.cell])).toEqual([["第二党支部", "B3", "book.memberOnTwoSheets", "第一党支部", "B3"]]);
  });

  it("says it once on a sheet that continues the other (名册（二）): as a repeat within one list", () => {
    const r = checkWorkbook(book(sheet("名册（一）", first), sheet("名册（二）", second)), { asOf: "2025-12-31" });
    expect(judged(r.findings).map((f) => [f.sheet, f.cell, f.code])).toEqual([["名册（二）", "B3", "value.duplicateAcross"]]);
  });

  it("says nothing of a sheet that is a copy of the other (most members on both)", () => {
    const r = checkWorkbook(book(sheet("花名册", first), sheet("花名册 (2)", first.map((row) => [...row]))), { asOf: "2025-12-31" });
    expect(judged(r.findings).filter((f) => f.code === "book.memberOnTwoSheets")).toEqual([]);
  });
});

describe("the ledger book: dues against the roster (§6.3 #10)", () => {
  const duesHeader = ["姓名", "人员类别", "缴费基数", "月应缴党费", ...months];
  it("places what it finds on a roster kept the other way round at the roster's cells as written", () => {
    const rows = roster(3);
    rows[2]![5] = "2025-05-20"; // 党员乙 transferred out in May
    const turned = rows[0]!.map((_, c) => rows.map((r) => r[c] ?? null)); // field names down column A, a member per column
    const dues = [duesHeader, [rows[1]![0], "在职", 3000, 15, ...Array(12).fill(15)], [rows[2]![0], "在职", 3000, 15, ...Array(7).fill(15), ...Array(5).fill(null)]];
    const r = checkWorkbook(book(sheet("党员情况", turned), sheet("党费", dues)), { asOf: "2025-12-31" });
    expect(r.sheets.map((s) => s.kind)).toEqual(["roster", "dues"]);
    // 乙's June payment (column J of the dues sheet) is after the transfer written at C6 (乙's column, the sixth field);
    // 丙 (column D, the names in row 1) has no dues row at all.
    expect(judged(r.findings).map((f) => [f.sheet, f.cell, f.code, f.related?.cell ?? null])).toEqual([
      ["党员情况", "D1", "book.noDuesRow", null],
      ["党费", "J3", "book.duesAfterTransferOut", "C6"],
    ]);
  });

  it("takes a member's admission from the roster: admitted in November, dues from November only", () => {
    const rows = roster(1, [["新党员", makeId("1999-01-01", "男", "110105", 20), "2025-11-05", null, "预备党员", null]]);
    const dues = [duesHeader, [rows[1]![0], "在职", 3000, 15, ...Array(12).fill(15)], ["新党员", "在职", 3000, 15, ...Array(10).fill(null), 15, 15]];
    const alone = checkWorkbook(book(sheet("党费", dues)), { asOf: "2025-12-31" });
    expect(alone.findings.map((f) => f.code)).toContain("dues.unpaidLapse");
    const r = checkWorkbook(book(sheet("花名册", rows), sheet("党费", dues)), { asOf: "2025-12-31" });
    expect(judged(r.findings)).toEqual([]);
  });

  it("takes a transfer out from the roster: transferred out in May, nothing due after May, a payment after it is a finding", () => {
    const rows = roster(2);
    rows[2]![5] = "2025-05-20";
    const dues = [duesHeader, [rows[1]![0], "在职", 3000, 15, ...Array(12).fill(15)], [rows[2]![0], "在职", 3000, 15, ...Array(5).fill(15), ...Array(7).fill(null)]];
    const r = checkWorkbook(book(sheet("花名册", rows), sheet("党费", dues)), { asOf: "2025-12-31" });
    expect(judged(r.findings)).toEqual([]);
    dues[2]![4 + 6] = 15; // a July payment
    const after = checkWorkbook(book(sheet("花名册", rows), sheet("党费", dues)), { asOf: "2025-12-31" });
    expect(judged(after.findings).map((f) => [f.cell, f.code, f.related?.cell])).toEqual([["K3", "book.duesAfterTransferOut", "F3"]]);
  });
});

describe("the ledger book: meetings against the roster (M2, M9)", () => {
  const register = (extra: CellValue[][] = []): CellValue[][] => {
    const rows: CellValue[][] = [["会议类型", "会议时间", "应到人数", "实到人数", "主持人"]];
    for (let m = 1; m <= 12; m++) rows.push(["主题党日", `2025-${String(m).padStart(2, "0")}-10`, 7, 7, "书记"]);
    for (const q of [3, 6, 9, 12]) rows.push(["支部党员大会", `2025-${String(q).padStart(2, "0")}-15`, 7, 7, "书记"], ["党课", `2025-${String(q).padStart(2, "0")}-20`, 7, 7, "书记"]);
    rows.push(["组织生活会", "2025-12-20", 7, 7, "书记"], ["民主评议党员", "2025-12-21", 7, 7, "书记"]);
    return [...rows, ...extra];
  };
  it("requires a monthly 支委会 exactly when the roster has 7 full members", () => {
    const six = checkWorkbook(book(sheet("2025年花名册", roster(6)), sheet("2025年三会一课", register())), { asOf: "2025-12-31" });
    expect(judged(six.findings).map((f) => f.code)).not.toContain("meetings.missingRun");
    const seven = checkWorkbook(book(sheet("2025年花名册", roster(7)), sheet("2025年三会一课", register())), { asOf: "2025-12-31" });
    expect(judged(seven.findings).map((f) => `${f.code} ${f.period} ${String(f.args?.type)}`)).toContain("meetings.missingRun 2025-01 支部委员会");
  });
});

describe("the ledger book: development against the roster (§6.3 #8)", () => {
  it("compares admission dates to the precision both are written", () => {
    const rows = roster(1);
    const dev = (join: string): CellValue[][] => [["姓名", "身份证号码", "申请入党时间", "确定为入党积极分子时间", "入党时间"], [rows[1]![0]!, rows[1]![1]!, "2003-03-01", "2003-09-01", join]];
    const same = checkWorkbook(book(sheet("花名册", rows), sheet("发展党员", dev("2005.07"))), { asOf: "2025-12-31" });
    expect(judged(same.findings)).toEqual([]);
    const other = checkWorkbook(book(sheet("花名册", rows), sheet("发展党员", dev("2005-08-01"))), { asOf: "2025-12-31" });
    expect(judged(other.findings).map((f) => [f.sheet, f.cell, f.code, f.related?.sheet, f.related?.cell])).toEqual([["发展党员", "E2", "book.dateDiffers", "花名册", "C2"]]);
  });
});

describe("the ledger book split into files (party-ledger check --book)", () => {
  const dir = new URL("../../fixtures/realistic/book/", import.meta.url).pathname;
  const parts = readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((file) => ({ file, grid: readWorkbookFile(new Uint8Array(readFileSync(join(dir, file))), { fileName: file }) }));

  it("finds what the one-workbook book finds, each finding naming its file and the related file", () => {
    const r = checkBook(parts, { asOf: "2025-12-31" });
    expect(r.sheets.every((s) => s.status === "checked" && s.file)).toBe(true);
    expect(judged(r.findings).map(key).sort()).toEqual(BRANCH_BOOK_FINDINGS.map(key).sort());
    const zhao = r.findings.find((f) => f.code === "book.notOnRoster")!;
    expect(zhao.file).toBe("东湖村党支部2025年党费.xlsx");
    expect(zhao.related).toEqual({ sheet: "花名册", cell: null, file: "东湖村党支部2025年花名册.xlsx" });
  });

  it("checks each file alone without the book's findings, and with the false ones the book avoids", () => {
    const alone = parts.map((p) => checkWorkbook(p.grid, { asOf: "2025-12-31", fileName: p.file }));
    const codes = alone.flatMap((r) => judged(r.findings).map((f) => f.code));
    expect(codes.filter((c) => c.startsWith("book."))).toEqual([]);
    // Without the roster, 郑九's empty months before his admission look unpaid.
    expect(codes).toContain("dues.unpaidLapse");
  });
});

describe("one sheet checked against the workbook's other ledgers (the task pane)", () => {
  const file = join(new URL("../../fixtures/realistic/files/", import.meta.url).pathname, "东湖村党支部2025年台账（合订本）.xlsx");
  const wb = readWorkbookFile(new Uint8Array(readFileSync(file)), { fileName: "东湖村党支部2025年台账（合订本）.xlsx" });

  it.each(["花名册", "党费", "三会一课", "发展党员", "支委会成员"])("%s: the findings placed on it, cross-ledger ones included", (name) => {
    const shown = wb.sheets.find((s) => s.name === name)!;
    const r = checkSheetInBook(shown, wb.sheets, { asOf: "2025-12-31" });
    expect(r.report.sheet).toBe(name);
    expect(r.findings.every((f) => f.sheet === name)).toBe(true);
    expect(judged(r.findings).map(key).sort()).toEqual(
      BRANCH_BOOK_FINDINGS.filter((e) => e.sheet === name)
        .map(key)
        .sort(),
    );
    // Every other ledger of the workbook was compared with, and named.
    expect(r.compared.map((c) => c.sheet).sort()).toEqual(["花名册", "党费", "三会一课", "发展党员", "支委会成员"].filter((n) => n !== name).sort());
  });

  it("without the other sheets, the dues ledger has none of the book's findings and 郑九's months before admission look unpaid", () => {
    const dues = wb.sheets.find((s) => s.name === "党费")!;
    const r = checkSheetInBook(dues, [], { asOf: "2025-12-31" });
    expect(r.compared).toEqual([]);
    expect(r.findings.some((f) => f.code.startsWith("book."))).toBe(false);
    expect(r.findings.map((f) => f.code)).toContain("dues.unpaidLapse");
  });

  it("names a roster that is not a ledger nowhere: a notes sheet beside the dues is not compared", () => {
    const dues = wb.sheets.find((s) => s.name === "党费")!;
    const notes = { name: "说明", values: [["填表说明"], ["1. 党费按月缴纳。"]] };
    const r = checkSheetInBook(dues, [notes], { asOf: "2025-12-31" });
    expect(r.compared).toEqual([]);
  });
});

describe("what a book changes against its parts checked alone (the Worker's per-branch book)", () => {
  const dir = new URL("../../fixtures/realistic/book/", import.meta.url).pathname;
  const parts = readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((file) => ({ file, grid: readWorkbookFile(new Uint8Array(readFileSync(join(dir, file))), { fileName: file }) }));

  it("adds the cross-ledger findings and withdraws what the roster explains", () => {
    const d = bookDelta(parts, { asOf: "2025-12-31" });
    // The register already misses its monthly 支委会 alone; everything else planted between the ledgers is the book's.
    const planted = BRANCH_BOOK_FINDINGS.filter((e) => e.code !== "meetings.missingRun");
    expect(judged(d.added).map(key).sort()).toEqual(planted.map(key).sort());
    expect(d.added.every((f) => f.file)).toBe(true);
    // 郑九, admitted in September, owed nothing from January (E11); 吴八, gone in June, owed nothing in September (M10).
    const withdrawn = d.withdrawn.map((f) => `${f.sheet}!${f.cell} ${f.code}`);
    expect(withdrawn).toContain("党费!E11 dues.unpaidLapse");
    expect(withdrawn).toContain("党费!M10 dues.unpaid");
    expect(d.withdrawn.every((f) => f.file === "东湖村党支部2025年党费.xlsx")).toBe(true);
  });

  it("checks each part with its own template when given: a dues part forced to the roster template fits nothing", () => {
    const forced = parts.map((p) => (p.file.includes("党费") ? { ...p, options: { template: { id: "roster", fit: "required" as const } } } : p));
    const d = bookDelta(forced, { asOf: "2025-12-31" });
    const dues = d.report.sheets.find((s) => s.file?.includes("党费"))!;
    expect(dues.status).toBe("unrecognised");
    expect(d.added.some((f) => f.code === "book.duesAfterTransferOut")).toBe(false);
  });
});
