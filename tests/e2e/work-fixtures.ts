/** Ledgers for the clerk's working-day tests (narrow panes, fixes, downloads, the as-of day), as real .xlsx files. */
import { utils, write } from "@e965/xlsx";
import { idNumber } from "./fixtures.js";

function xlsx(sheets: [string, (string | number | null)[][]][]): Buffer {
  const wb = utils.book_new();
  for (const [name, rows] of sheets) utils.book_append_sheet(wb, utils.aoa_to_sheet(rows), name);
  return write(wb, { type: "buffer", bookType: "xlsx" }) as Buffer;
}

const ROSTER = ["姓名", "性别", "出生日期", "身份证号码", "入党时间", "转正时间", "联系电话"];

/**
 * A roster with a 转正时间 the rules determine (F3: admitted 2024-02-29, so 2025-02-28, EDATE),
 * a wrong ID check digit (D4, whose right value is never offered), and a missing name (A5).
 */
export function fixableRoster(): { bytes: Buffer; fullDate: string; id: string } {
  const rows: (string | number | null)[][] = [ROSTER];
  const births = ["1980-01-02", "1985-03-04", "1990-05-06", "1992-07-08", "1994-09-10"];
  births.forEach((b, i) => rows.push([`党员${i + 1}`, i % 2 ? "女" : "男", b, idNumber(b, i % 2 ? 2 : 1), "2015-07-01", "2016-07-01", `1391000000${i}`]));
  rows[2]![4] = "2024-02-29";
  rows[2]![5] = "2025-03-01";
  const id = String(rows[3]![3]);
  rows[3]![3] = id.slice(0, 17) + (id.endsWith("0") ? "1" : "0");
  rows[4]![0] = null;
  return { bytes: xlsx([["花名册", rows]]), fullDate: "2025-03-01", id };
}

const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

/** A dues ledger for 2025 whose 月应缴党费 in D3 is wrong: a base of 5100 at 1.5% owes 76.50. */
export function fixableDues(): Buffer {
  return xlsx([
    [
      "党费",
      [
        ["2025 年党费收缴台账"],
        ["姓名", "人员类别", "缴费基数", "月应缴党费", ...MONTHS],
        ["李四", "在职", 5100, 80, ...MONTHS.map(() => 80)],
        ["王五", "在职", 3000, 15, ...MONTHS.map(() => 15)],
      ],
    ],
  ]);
}

/** Not one of our ledgers: a training roster (参训人员) the engine must not call clean. */
export function trainingRoster(): Buffer {
  return xlsx([
    [
      "参训人员",
      [
        ["序号", "姓名", "工作单位", "培训班次", "结业成绩"],
        [1, "张三", "东湖村", "2025 年第一期", "合格"],
        [2, "李四", "西湖村", "2025 年第一期", "优秀"],
      ],
    ],
  ]);
}

/**
 * A roster whose last member became a full member on 2025-03-01: judged as of 2024-12-31 (a 2024
 * collection) that date lies ahead; judged today it does not. The verdict depends on the day.
 */
export function rosterAcrossYears(): Buffer {
  const rows: (string | number | null)[][] = [ROSTER];
  const births = ["1970-02-03", "1975-04-05", "1988-06-07"];
  births.forEach((b, i) => rows.push([`党员${i + 1}`, i % 2 ? "女" : "男", b, idNumber(b, i % 2 ? 2 : 1), "2000-07-01", "2001-07-01", `1381000000${i}`]));
  rows[3]![4] = "2024-03-01";
  rows[3]![5] = "2025-03-01";
  return xlsx([["花名册", rows]]);
}
