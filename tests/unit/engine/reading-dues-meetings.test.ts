import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue, type SheetGrid } from "../../../shared/index.js";
import { unfoldMeetingMatrix } from "../../../shared/detect/meeting-matrix.js";
import { DEFAULT_RULE_SET } from "../../../shared/ruleset/default.js";
import { book, makeId, serial, sheet } from "./grid-helpers.js";

/**
 * Dues and meeting ledgers kept the ways clerks keep them: a dues sheet with months down and members
 * across (项目 over the names), a 三会一课 matrix (types or groups down, months across). Expected
 * findings are worked out by hand from the domain rules (D6/D7 unpaid runs, M2–M5 frequencies).
 */
function check(...sheets: SheetGrid[]) {
  const r = checkWorkbook(book(...sheets), { asOf: "2025-12-31" });
  const list = r.findings.filter((f) => f.severity !== "info").map((f) => `${f.sheet}!${f.cell ?? f.period ?? "-"} ${f.code}:${f.severity}`);
  return { r, list };
}

describe("a dues sheet with months down and members across, 项目 over the names", () => {
  // 王立新 owes 30 a month and paid nothing April to September (6 months); 李红梅 owes 50 and
  // paid 40 in March; 张国强's 合计 says 130 but 12 × 10 = 120.
  const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
  const rows: CellValue[][] = [
    ["某党支部2025年党费交纳情况表"],
    ["项目", "王立新", "李红梅", "张国强"],
    ["月交纳标准（元）", 30, 50, 10],
    ...months.map((m, i) => [m, i >= 3 && i <= 8 ? null : 30, i === 2 ? 40 : 50, 10]),
    ["合计", 180, 590, 130],
  ];
  const { r, list } = check(sheet("党费", rows));

  it("reads the names by what the 项目 row holds, and places each finding at its cell as written", () => {
    expect(r.sheets[0]!.kind).toBe("dues");
    // The run starts in April: row 3 + 4 = row 7 of column B.
    expect(list).toContain("党费!B7 dues.unpaidLapse:error");
    // March of 李红梅 is row 6, column C.
    expect(list).toContain("党费!C6 dues.paidMismatch:error");
    expect(list).toContain("党费!D16 dues.yearTotalMismatch:error");
    expect(list).toHaveLength(3);
  });

  it("does not take a 项目 column of words for names", () => {
    const items: CellValue[][] = [
      ["项目", "1月", "2月", "3月", "合计"],
      ["办公用品费用", 10, 20, 30, 60],
      ["党员活动经费", 5, 5, 5, 15],
    ];
    expect(check(sheet("支出", items)).r.sheets[0]!.status).toBe("unrecognised");
  });
});

describe("备注 consent to paying months together", () => {
  it("经支部同意，1—3月党费于3月一并交纳 is the branch's consent: three months paid in March ask no more", () => {
    const rows: CellValue[][] = [
      ["姓名", "月交纳标准", "1月", "2月", "3月", "4月", "备注"],
      ["赵晓明", 20, null, null, 60, 20, "经支部同意，1—3月党费于3月一并交纳"],
      ["钱小平", 20, null, null, 60, 20, null],
    ];
    const { list } = check(sheet("党费", rows));
    // Only 钱小平's 60 in March (three months at once, no consent) is a lump payment.
    expect(list.filter((f) => f.includes("lumpPayment"))).toEqual(["党费!E3 dues.lumpPayment:warning"]);
  });
});

describe("a 三会一课 matrix: types down, months across, the day held in each cell", () => {
  const fmt = "m月d日";
  const d = (iso: string) => serial(iso);
  // 12 month columns B–M, then 备注 in N. Row 3 支部委员会 misses June; 党课 is held in
  // February, May and November (none in the third quarter); 主题党日 ticks every month but
  // October is 未开展; 党小组会 rows hold a count (2 in January) and two days in one cell.
  const monthHead = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
  const committee = Array.from({ length: 12 }, (_, i) => (i === 5 ? null : d(`2025-${String(i + 1).padStart(2, "0")}-08`)));
  const lecture = Array.from({ length: 12 }, (_, i) => (i === 1 ? d("2025-02-20") : i === 4 ? d("2025-05-20") : i === 10 ? "11月20日" : null));
  const day = Array.from({ length: 12 }, (_, i) => (i === 9 ? "未开展" : "✓"));
  const group1 = Array.from({ length: 12 }, (_, i) => (i === 0 ? 2 : i === 6 ? "7月3日、7月25日" : "√"));
  const group2 = Array.from({ length: 12 }, (_, i) => (i === 2 ? null : 1));
  const values: CellValue[][] = [
    ["某村党支部2025年三会一课落实情况一览表"],
    ["会议类型", ...monthHead, "备注"],
    ["支部委员会", ...committee, null],
    ["党课", ...lecture, "2月由支部书记讲党课"],
    ["主题党日", ...day, null],
    ["党小组会（第一党小组）", ...group1, null],
    ["党小组会（第二党小组）", ...group2, "3月农忙，未召开"],
  ];
  const formats = values.map((row, r) => row.map((v) => (r >= 2 && typeof v === "number" && v > 40000 ? fmt : null)));
  const grid = sheet("执行表", values, { numberFormats: formats });

  it("unfolds one row per meeting: dates, ticks in the title's year, counts, two days in one cell", () => {
    const m = unfoldMeetingMatrix(grid, DEFAULT_RULE_SET.meetings)!;
    expect(m).not.toBeNull();
    expect(m.headerRow).toBe(1);
    expect([...m.types!].sort()).toEqual(["主题党日", "党小组会", "党课", "支部委员会"].sort());
    const rows = m.grid.values.slice(2);
    // 11 committee + 3 lectures + 11 days + (2 + 2 + 10) group 1 + 11 group 2 + 1 not-held row.
    expect(rows).toHaveLength(11 + 3 + 11 + 14 + 11 + 1);
    expect(rows.filter((r) => r[1] === "主题党日")[0]![0]).toBe("2025年1月");
    expect(rows.filter((r) => r[2] === "第一党小组").map((r) => r[0]).slice(0, 2)).toEqual(["2025年1月", "2025年1月"]);
    expect(rows.some((r) => r[0] === "7月25日")).toBe(true);
  });

  it("finds each type's missing period, and no type the matrix does not list (组织生活会)", () => {
    const { r, list } = check(grid);
    expect(r.sheets[0]!.kind).toBe("meetings");
    expect(r.sheets[0]!.reason).toContain("一览表");
    expect(list.sort()).toEqual(
      [
        "执行表!2025-06 meetings.missing:warning",
        "执行表!2025-Q3 meetings.missing:warning",
        "执行表!2025-10 meetings.missing:warning",
        "执行表!2025-03 meetings.missing:warning",
      ].sort(),
    );
    const march = r.findings.find((f) => f.period === "2025-03")!;
    expect(march.message).toContain("第二党小组");
  });

  it("does not read a plan of meetings to come (安排表, 工作计划) as a register of those held", () => {
    const plan = sheet("工作计划", [["某村党支部2026年三会一课安排表"], ...values.slice(1)], { numberFormats: formats });
    const r = checkWorkbook(book(plan), { asOf: "2026-12-31" });
    expect(r.sheets[0]!.status).toBe("unrecognised");
    expect(r.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("places a cell it cannot read at the matrix cell as written", () => {
    const odd = values.map((row) => [...row]);
    // June has no 31st: the day cannot be read (and June then holds no committee meeting that can be counted).
    odd[2]![6] = "6月31日";
    const { list } = check(sheet("执行表", odd, { numberFormats: formats }));
    // June of 支部委员会: row 3, the sixth month column G.
    expect(list).toContain("执行表!G3 value.notDate:error");
  });

  it("reads a 党小组会 matrix of groups × months, the type named by the sheet", () => {
    const rows: CellValue[][] = [
      ["2025年党小组会开展情况"],
      ["党小组", ...monthHead],
      ["第一党小组", ...Array.from({ length: 12 }, () => "✓")],
      ["第二党小组", ...Array.from({ length: 12 }, (_, i) => (i === 8 ? "" : "✓"))],
    ];
    const { list } = check(sheet("党小组会", rows));
    expect(list).toEqual(["党小组会!2025-09 meetings.missing:warning"]);
  });

  it("reads a months-down matrix (types across) turned round, its findings at the cells as written", () => {
    const rows: CellValue[][] = [
      ["2025年支委会和主题党日开展情况"],
      ["月份", "支部委员会", "主题党日"],
      // April's 主题党日 is missing; June's 支委会 says only 月中: held that month.
      ...Array.from({ length: 12 }, (_, i): CellValue[] => [`${i + 1}月`, i === 5 ? "月中" : "✓", i === 3 ? null : "✓"]),
    ];
    const { r, list } = check(sheet("开展情况", rows));
    expect(list).toEqual(["开展情况!2025-04 meetings.missing:warning"]);
    expect(r.sheets[0]!.reason).toContain("横竖颠倒");
  });

  it("leaves a months-by-members dues sheet alone: names are no meeting types", () => {
    const dues: CellValue[][] = [
      ["姓名", "1月", "2月", "3月"],
      ["王立新", 3, 3, 3],
      ["李红梅", 5, 5, 5],
    ];
    expect(unfoldMeetingMatrix(sheet("党费", dues), DEFAULT_RULE_SET.meetings)).toBeNull();
  });
});

describe("a year's dues kept as one sheet a month (1月 … 6月), one row per member", () => {
  // 周明's base 5100 is above 5000: whole-amount 1.5% = 76.50, not 1% = 51.00 (written in January).
  // 吴芳's base 4000 owes 1% = 40.00; she paid 30.00 in February. 郑强 (base 2000, 0.5% = 10.00)
  // paid nothing February to April: three consecutive months, a warning said once, on 2月.
  const month = (m: number): SheetGrid => {
    const pay = (name: string, base: number, standard: number, paid: number | null): CellValue[] => [name, base, standard, paid, paid === null ? null : serial(`2025-0${m}-10`), paid === null ? "未交" : null];
    return sheet(`${m}月`, [
      [`某党支部2025年${m}月党费收缴登记表`],
      ["姓名", "缴费基数（元）", "应交金额（元）", "实交金额（元）", "交纳时间", "备注"],
      pay("周明", 5100, m === 1 ? 51 : 76.5, m === 1 ? 51 : 76.5),
      pay("吴芳", 4000, 40, m === 2 ? 30 : 40),
      pay("郑强", 2000, 10, m >= 2 && m <= 4 ? null : 10),
    ], { numberFormats: [[], [], ...[0, 1, 2].map(() => [null, null, null, null, "yyyy-mm-dd", null])] });
  };
  const { list } = check(...[1, 2, 3, 4, 5, 6].map(month));

  it("checks each row's monthly amount against its base, and each payment against it", () => {
    expect(list).toContain("1月!C3 dues.amountMismatch:error");
    expect(list).toContain("2月!D4 dues.paymentMismatchMonthly:error");
  });

  it("counts a member's unpaid months across the sheets, said by the first month's sheet at its row", () => {
    expect(list.filter((f) => f.includes("unpaid"))).toEqual(["2月!D5 dues.unpaid:warning"]);
    expect(list).toHaveLength(3);
  });

  it("reads the sheet's month from its title where its name says none, and no month from a span", () => {
    const one = (title: string) => [
      [title],
      ["姓名", "缴费基数（元）", "应交金额（元）", "实交金额（元）", "交纳时间"],
      ["周明", 2000, 10, null, null],
      ["吴芳", 4000, 40, 40, "2025-03-10"],
    ];
    const r = checkWorkbook(book(sheet("Sheet1", one("某党支部2025年3月党费收缴登记表"))), { asOf: "2025-12-31" });
    // One month unpaid is a note, not a warning (3 months are).
    expect(r.findings.map((f) => `${f.cell} ${f.code}:${f.severity}`)).toEqual(["D3 dues.unpaidShort:info"]);
    const span = checkWorkbook(book(sheet("Sheet1", one("某党支部2025年1-3月党费收缴登记表"))), { asOf: "2025-12-31" });
    expect(span.findings.filter((f) => f.code.startsWith("dues.unpaid"))).toEqual([]);
  });
});

describe("a receipt book that holds every member's quarters says the months it lacks", () => {
  const q = ["2025.01-2025.03", "2025.04-2025.06", "2025.07-2025.09", "2025.10-2025.12"];
  const receipt = (n: number, name: string, quarter: number): CellValue[] => [`SJ${n}`, name, serial(`2025-0${quarter * 3}-15`), q[quarter - 1]!, 3, 20, 60];
  const head: CellValue[][] = [
    ["某党支部2025年党费收据登记簿"],
    ["经支部委员会研究同意，本支部党员按季度交纳党费。"],
    ["收据编号", "姓名", "交纳日期", "所属期间", "月数", "月交纳额（元）", "交纳金额（元）"],
  ];
  it("a member with no receipt after June is six months unpaid (said at the period, by name); a missing quarter between receipts at the receipt before", () => {
    const rows: CellValue[][] = [...head];
    let n = 0;
    for (const quarter of [1, 2, 3, 4]) {
      // Six of the eight members hold every quarter: the book holds the year (75% cover all of it).
      for (const name of ["孙立平", "周红梅", "钱立新", "李秀英", "冯志刚", "陈晓燕", "吴建国", "郑秀兰"]) {
        // 吴建国 paid no receipt after the second quarter; 郑秀兰 skipped the second quarter.
        if (name === "吴建国" && quarter > 2) continue;
        if (name === "郑秀兰" && quarter === 2) continue;
        rows.push(receipt(++n, name, quarter));
      }
    }
    const { r, list } = check(sheet("收据登记", rows));
    // 郑秀兰's first receipt is the eighth row of the data (row 11 of the sheet), column B.
    expect(list.sort()).toEqual(["收据登记!2025-07 dues.unpaidLapseMember:error", "收据登记!B11 dues.unpaid:warning"].sort());
    expect(r.findings.find((f) => f.period === "2025-07")!.message).toContain("吴建国");
  });

  it("with only half the members holding every quarter, the book says nothing of the months it lacks", () => {
    const rows: CellValue[][] = [...head];
    let n = 0;
    for (const quarter of [1, 2, 3, 4]) for (const name of ["孙立平", "周红梅", "吴建国", "郑秀兰"]) if (!(name === "吴建国" && quarter > 2) && !(name === "郑秀兰" && quarter === 2)) rows.push(receipt(++n, name, quarter));
    expect(check(sheet("收据登记", rows)).list).toEqual([]);
  });

  it("a book of occasional payments (back payments of their own spans) says nothing of other months", () => {
    const rows: CellValue[][] = [
      ...head,
      ["SJ1", "孙立平", serial("2025-03-15"), "2024.10-2025.02", 5, 20, 100],
      ["SJ2", "周红梅", serial("2025-05-15"), "2025.01-2025.04", 4, 20, 80],
      ["SJ3", "吴建国", serial("2025-09-15"), "2025.06-2025.08", 3, 20, 60],
    ];
    expect(check(sheet("收据登记", rows)).list.filter((f) => f.includes("unpaid"))).toEqual([]);
  });
});

describe("a 党委's summary of 组织生活会, one row per branch, judges each branch (M6)", () => {
  it("a branch that held it in April is told of the fourth quarter, one that wrote 未召开 is told it held none, at their rows", () => {
    const rows: CellValue[][] = [
      ["某医院党委2024年度各党支部组织生活会召开情况统计表"],
      ["序号", "党支部", "召开时间", "应到人数", "实到人数", "请假人数", "备注"],
      [1, "内科党支部", serial("2024-12-10"), 20, 19, 1, null],
      [2, "门诊党支部", serial("2024-04-18"), 15, 15, 0, "提前召开"],
      [3, "后勤党支部", "未召开", 12, null, null, "推迟至2025年1月召开"],
    ];
    const r = checkWorkbook(book(sheet("组织生活会", rows, { numberFormats: [[], [], ...[0, 1, 2].map(() => [null, null, "yyyy-mm-dd"])] })), { asOf: "2024-12-31" });
    const list = r.findings.filter((f) => f.severity !== "info").map((f) => `${f.cell ?? f.period} ${f.code}:${f.severity}`);
    expect(list).toEqual(["C4 meetings.lifeNotQ4Branch:warning", "C5 meetings.missing:warning"]);
    expect(r.findings.find((f) => f.cell === "C5")!.message).toContain("后勤党支部");
  });
});

describe("应到 at a general meeting against a roster that keeps those who left (M9, book)", () => {
  // Five full members from 2010 on; 钱长青 transferred out in June 2025 (the roster keeps him, with the
  // month); 邵家豪 was admitted 2025-05-16 and is on probation. In October there are 6 members, 5 with a
  // vote: 应到 7 is more than there were members.
  const roster = (withLeaver: boolean): SheetGrid => {
    const member = (name: string, sex: "男" | "女", n: number): CellValue[] => [name, sex, makeId(`197${n}-0${n}-1${n}`, sex, "110105", 10 + n * 2), "2010-07-01", "2011-07-01", "正式党员", null];
    return sheet("花名册", [
      ["姓名", "性别", "身份证号码", "入党时间", "转正时间", "党籍状态", "备注"],
      member("袁立新", "男", 1), member("汪天宇", "男", 2), member("马红梅", "女", 3), member("杜锦程", "男", 4), member("许秀英", "女", 5),
      ...(withLeaver ? [["钱长青", "男", makeId("1976-06-16", "男", "110105", 31), "2010-07-01", "2011-07-01", "正式党员", "2025年6月组织关系转出"] as CellValue[]] : []),
      ["邵家豪", "男", makeId("1977-07-17", "男", "110105", 33), "2025-05-16", null, "预备党员", null],
    ]);
  };
  const meetings = sheet("三会一课", [
    ["日期", "会议类型", "主持人", "应到", "实到", "请假", "内容"],
    ["2025-04-10", "党员大会", "袁立新", 6, 6, 0, "学习"],
    ["2025-10-10", "党员大会", "袁立新", 7, 6, 1, "学习"],
    // 应到 6 counts the probationary member, who attends without a vote: not judged.
    ["2025-11-10", "党员大会", "袁立新", 6, 6, 0, "学习"],
  ]);
  it("says 应到 7 in October is more than the 6 members (5 with a vote); April's 6 (钱长青 still a member) is right", () => {
    const r = checkWorkbook(book(roster(true), meetings), { asOf: "2025-12-31" });
    expect(r.findings.filter((f) => f.code.startsWith("book.expected")).map((f) => `${f.sheet}!${f.cell} ${f.code}:${f.severity} ${f.expected}`)).toEqual(["三会一课!D3 book.expectedTooMany:warning 5"]);
  });
  it("judges no more than that where the roster lists only today's members", () => {
    const r = checkWorkbook(book(roster(false), meetings), { asOf: "2025-12-31" });
    expect(r.findings.filter((f) => f.code === "book.expectedTooMany")).toEqual([]);
  });
});

describe("dues begin the month of admission (第八条, D5)", () => {
  it("a member admitted 2025-05-16 whose dues begin in June owes May: a warning at May's cell", () => {
    const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
    const pays = (fromMonth: number, skip: number[] = []) => Array.from({ length: 12 }, (_, i) => (i + 1 >= fromMonth && !skip.includes(i + 1) ? 10 : null));
    const rows: CellValue[][] = [
      ["某党支部2025年党费收缴台账"],
      ["姓名", "入党时间", "月应缴党费", ...months],
      ["邵家豪", "2025-05-16", 10, ...pays(6)],
      ["苏爱华", "2025-05-16", 10, ...pays(5)],
      // Admitted in March, nothing March to May: three months unpaid, as any member's.
      ["肖立新", "2025-03-02", 10, ...pays(6)],
    ];
    const { list } = check(sheet("党费", rows));
    // May is the fifth month column: D + 4 = H; 邵家豪 is row 3, 肖立新 row 5 (March: F).
    expect(list).toEqual(["党费!H3 dues.startedLate:warning", "党费!F5 dues.unpaid:warning"]);
  });
});
