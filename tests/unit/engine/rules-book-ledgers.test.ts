import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue, type Finding, type WorkbookGrid } from "../../../shared/index.js";
import { book, makeId, sheet } from "./grid-helpers.js";

/**
 * One ledger of a branch's book against another (§6.3 #8, #10, #11; 条例第十二、十九条; 细则第十四、
 * 二十九条; 2008规定第八、九条). Small books written by hand; every expected cell worked out by hand:
 * sheets have the header in row 1 unless a title row is written above it.
 */
const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
const ROSTER_HEADER = ["姓名", "身份证号码", "入党时间", "转正时间", "党籍状态", "备注"];

/** A roster row: A 姓名, B 身份证号码, C 入党时间, D 转正时间, E 党籍状态, F 备注. */
function member(name: string, seq: number, over: { join?: string; full?: string | null; status?: string; note?: string | null } = {}): CellValue[] {
  return [name, makeId(`197${seq % 10}-0${(seq % 9) + 1}-1${seq % 10}`, seq % 2 === 0 ? "女" : "男", "360402", seq), over.join ?? "2005-07-01", over.full === undefined ? "2006-07-01" : over.full, over.status ?? "正式党员", over.note ?? null];
}

const asOf = "2025-12-31";
/** The book's own findings (book.*), as "sheet!cell code severity", in any order. */
function bookFindings(grid: WorkbookGrid, fileName?: string): string[] {
  const r = checkWorkbook(grid, { asOf, ...(fileName ? { fileName } : {}) });
  return r.findings.filter((f: Finding) => f.code.startsWith("book.")).map((f) => `${f.sheet}!${f.cell} ${f.code} ${f.severity}`).sort();
}

describe("dues against the roster: after a death, names typed another way, 流动党员 (2008规定第八、九条)", () => {
  it("finds dues after the month of a death, a payer on no roster row, and members with no dues row, as errors; a near name as a warning", () => {
    const roster = [ROSTER_HEADER, member("赵一", 1), member("钱二", 2, { note: "2025年4月16日病故" }), member("孙三", 3), member("李四", 4)];
    const full = (name: string, note: string | null = null): CellValue[] => [name, 20, ...Array(12).fill(20), note];
    const dues = [["姓名", "月缴纳额", ...months, "备注"], full("赵一"), full("钱二"), full("孙山"), full("周五"), full("吴六", "流动党员，持流动党员活动证")];
    expect(bookFindings(book(sheet("花名册", roster), sheet("2025年党费", dues)))).toEqual(
      [
        // 钱二 died in April: May (G, the fifth month column after A and B) is the first month paid after it.
        "2025年党费!G3 book.duesAfterLeaving error",
        // 孙山 is 孙三 typed another way: a warning, and 孙三 is then without a dues row.
        "2025年党费!A4 book.notOnRosterNearName warning",
        "2025年党费!A5 book.notOnRoster error",
        "花名册!A4 book.noDuesRow error",
        "花名册!A5 book.noDuesRow error",
      ].sort(),
    );
  });
});

describe("the appraisal against the roster (条例第十九条)", () => {
  it("finds one appraised after a transfer out (error) and a member on the roll left off the list (warning, at the roster row)", () => {
    const roster = [ROSTER_HEADER, member("赵一", 1), member("钱二", 2, { note: "2025年8月20日转出至濂溪区莲花镇党委" }), member("孙三", 3), member("李四", 4), member("周五", 5)];
    const appraisal = [["2025年度民主评议党员结果"], ["序号", "姓名", "评议等次", "备注"], [1, "赵一", "合格", null], [2, "钱二", "合格", null], [3, "孙三", "优秀", null], [4, "李四", "合格", null]];
    expect(bookFindings(book(sheet("花名册", roster), sheet("民主评议", appraisal)))).toEqual(["民主评议!B4 book.appraisedAfterLeaving error", "花名册!A6 book.notAppraised warning"].sort());
  });
});

describe("the committee list against the roster", () => {
  const roster = [ROSTER_HEADER, member("赵一", 1), member("钱二", 2, { note: "2025年4月16日病故" }), member("孙三", 3, { join: "1990-09-07", full: "1991-09-07" }), member("李四", 4, { join: "2025-05-26", full: null, status: "预备党员" })];

  it("finds a 委员 who died and one still 预备党员 on the roster when taking the post", () => {
    const committee = [["职务", "姓名", "任职时间"], ["书记", "赵一", "2023-09-15"], ["组织委员", "钱二", "2023-09-15"], ["宣传委员", "李四", "2025-11-20"]];
    expect(bookFindings(book(sheet("花名册", roster), sheet("支委会", committee)))).toEqual(["支委会!B3 book.committeeMemberGone error", "支委会!B4 book.committeeMemberProbationary error"].sort());
  });

  it("finds a 委员's 入党时间 that differs from the roster's", () => {
    const committee = [["职务", "姓名", "入党时间"], ["书记", "赵一", "2005-07-01"], ["纪检委员", "孙三", "1991-09-07"]];
    expect(bookFindings(book(sheet("花名册", roster), sheet("支委会", committee)))).toEqual(["支委会!C3 book.dateDiffers error"]);
  });

  it("finds a 支委会 meeting expecting more than the list's 委员 (a warning), not one expecting as many", () => {
    const five = [ROSTER_HEADER, member("赵一", 1), member("钱二", 2), member("孙三", 3), member("李四", 4), member("周五", 5)];
    const committee = [["职务", "姓名"], ["书记", "赵一"], ["组织委员", "钱二"], ["宣传委员", "孙三"]];
    const meetings = [["会议类型", "会议时间", "应到人数", "实到人数", "主持人"], ["支部委员会", "2025-03-10", 3, 3, "赵一"], ["支部委员会", "2025-04-10", 4, 3, "赵一"]];
    const found = bookFindings(book(sheet("花名册", five), sheet("支委会", committee), sheet("三会一课", meetings)));
    expect(found.filter((f) => f.includes("committeeExpected"))).toEqual(["三会一课!C3 book.committeeExpectedTooMany warning"]);
  });
});

describe("development against the roster (细则第十四、二十九条; §6.3 #8)", () => {
  const roster = [ROSTER_HEADER, member("赵一", 1), member("钱二", 2, { join: "2024-11-20", full: "2025-11-20" }), member("孙三", 3, { join: "2024-07-12", full: null, status: "预备党员" })];
  const dev = [
    ["某某党支部发展党员登记"],
    ["序号", "姓名", "确定发展对象时间", "支部大会接收时间", "入党介绍人", "转正时间"],
    [1, "孙三", "2023-07-01", "2024-07-12", "赵一、李四", "2025-07-12"],
    [2, "郑七", "2024-12-01", "2025-04-22", "钱二、赵一", null],
  ];

  it("reads a 发展党员 sheet by its own title, not by the file's name that names the roster too", () => {
    const r = checkWorkbook(book(sheet("花名册", roster), sheet("发展党员", dev)), { asOf, fileName: "某某党支部花名册及发展党员登记.xlsx" });
    expect(r.sheets.map((s) => s.kind)).toEqual(["roster", "development"]);
  });

  it("finds an admitted member with no roster row, a sponsor still 预备党员 at the 支部大会, and a roster status behind the 转正", () => {
    expect(bookFindings(book(sheet("花名册", roster), sheet("发展党员", dev)))).toEqual(
      [
        "发展党员!B4 book.admittedNotOnRoster error",
        // 钱二 was admitted 2024-11-20, so on 2025-04-22 still within the probation year.
        "发展党员!E4 book.sponsorProbationary error",
        "花名册!E4 book.statusBehindDevelopment error",
      ].sort(),
    );
  });
});

describe("a roster book's change register and 流动党员 list, read as facts about the roster (§6.3 #11)", () => {
  const roster = [
    ROSTER_HEADER,
    member("赵一", 1),
    member("钱二", 2),
    member("孙三", 3, { note: "2025年10月5日转出至湖口县城山镇党委" }),
    member("李四", 4, { note: "2025年2月3日去世" }),
    member("周五", 5),
    member("吴六", 6),
  ];
  const changes = [["序号", "姓名", "变动类型", "变动时间", "备注"], [1, "钱二", "转出", "2025-04-18", null], [2, "孙三", "转出", "2025-11-05", null], [3, "李四", "去世", "2025-02-03", null], [4, "周五", "出党", "2025-06-25", "除名"], [5, "郑七", "转入", "2025-09-10", null]];
  const mobile = [["第二党支部流动党员登记表"], ["序号", "姓名", "身份证号码", "外出地点"], [1, "赵一", roster[1]![1]!, "广东省深圳市"], [2, "吴六", makeId("1980-01-01", "男", "360402", 99), "浙江省宁波市"], [3, "冯八", makeId("1982-07-20", "男", "360429", 23), "上海市"]];

  it("finds what the roster should show and does not, each at the cell a clerk fixes", () => {
    expect(bookFindings(book(sheet("花名册", roster), sheet("党员变动登记", changes), sheet("流动党员", mobile)))).toEqual(
      [
        "花名册!A3 book.transferOutStillListed error",
        // The roster's 备注 writes 10月5日, the register 11月5日.
        "花名册!F4 book.changeDateDiffers error",
        // 出党: the roster still says 正式党员.
        "花名册!E6 book.leftStillListed error",
        "党员变动登记!B6 book.transferInNotOnRoster error",
        "流动党员!C4 book.idDiffers error",
        "流动党员!B5 book.mobileNotOnRoster error",
      ].sort(),
    );
  });

  it("leaves the two sheets unchecked: they are not ledgers of their own", () => {
    const r = checkWorkbook(book(sheet("花名册", roster), sheet("党员变动登记", changes), sheet("流动党员", mobile)), { asOf });
    expect(r.sheets.map((s) => [s.sheet, s.status])).toEqual([
      ["花名册", "checked"],
      ["党员变动登记", "unrecognised"],
      ["流动党员", "unrecognised"],
    ]);
  });
});

describe("a roster kept one sheet per year", () => {
  it("finds a member gone with no recorded change (warning, at the earlier row) and a 正式党员 gone back to 预备 (error)", () => {
    const y2024 = [["张村党支部党员花名册（2024年）"], ROSTER_HEADER, member("赵一", 1), member("钱二", 2), member("孙三", 3), member("李四", 4), member("周五", 5)];
    const y2025 = [["张村党支部党员花名册（2025年）"], ROSTER_HEADER, member("赵一", 1), member("钱二", 2, { full: null, status: "预备党员" }), member("孙三", 3), member("周五", 5)];
    expect(bookFindings(book(sheet("2024年", y2024), sheet("2025年", y2025)))).toEqual(["2024年!A6 book.goneWithoutChange warning", "2025年!E4 book.statusWentBack error"].sort());
  });
});

describe("a roster's title line that counts its members", () => {
  const rows = (title: string, extra: CellValue[][] = []) => [[title], ROSTER_HEADER, member("赵一", 1), member("钱二", 2), member("孙三", 3), ...extra];
  const counts = (title: string, extra: CellValue[][] = []) =>
    checkWorkbook(book(sheet("花名册", rows(title, extra))), { asOf })
      .findings.filter((f) => f.code === "derived.sectionCountMismatch")
      .map((f) => `${f.cell} ${f.severity} ${f.expected}`);

  it("finds a count that disagrees with the rows, at the line", () => {
    expect(counts("截至2025年12月31日，共有党员4名")).toEqual(["A1 error 3"]);
    expect(counts("截至2025年12月31日，共有党员3名")).toEqual([]);
  });

  it("takes a count of those still on the roll where the roster keeps a leaver's row", () => {
    expect(counts("截至2025年12月31日，共有党员3名", [member("李四", 4, { note: "2025年8月20日转出" })])).toEqual([]);
  });
});

describe("a book's note of counts (说明) against the roster", () => {
  it("counts the roll on the as-of day: a transfer out is off it, a 转正 the development record gives counts as 正式", () => {
    // On the roll: 赵一, 孙三, 李四 (钱二 transferred out). 正式: 赵一, and 孙三 (转正 2025-07-12 on 发展党员); 预备: 李四.
    const roster = [
      ROSTER_HEADER,
      member("赵一", 1),
      member("钱二", 2, { note: "2025年8月20日转出" }),
      member("孙三", 3, { join: "2024-07-12", full: null, status: "预备党员" }),
      member("李四", 4, { join: "2025-05-26", full: null, status: "预备党员" }),
    ];
    const dev = [["序号", "姓名", "确定发展对象时间", "接收预备党员时间", "入党介绍人", "转正时间"], [1, "孙三", "2023-07-01", "2024-07-12", "赵一、钱二", "2025-07-12"], [2, "李四", "2024-05-01", "2025-05-26", "赵一、孙三", null]];
    const note = (full: number, probationary: number) => [["某某党支部台账说明"], ["项目", "人数", "备注"], ["党员总数", 3, null], ["其中：正式党员", full, null], ["　　预备党员", probationary, null]];
    const of = (full: number, probationary: number) => bookFindings(book(sheet("花名册", roster), sheet("发展党员", dev), sheet("说明", note(full, probationary)))).filter((f) => f.includes("noteCount"));
    expect(of(2, 1)).toEqual([]);
    expect(of(3, 1)).toEqual(["说明!B4 book.noteCountDiffers error"]);
    expect(of(1, 2)).toEqual(["说明!B4 book.noteCountDiffers error", "说明!B5 book.noteCountDiffers error"]);
  });
});
