import type { CellValue } from "../shared/index.js";
import { idNumber } from "../tests/e2e/fixtures.js";

/** A generated 党员花名册: 8 columns, unique IDs; every `badEvery`-th member's ID has a wrong check digit. */
export const ROSTER_HEADER = ["姓名", "性别", "出生日期", "身份证号码", "入党时间", "转正时间", "联系电话", "所在党支部"];

export function rosterRows(count: number, badEvery = 20): CellValue[][] {
  const rows: CellValue[][] = [ROSTER_HEADER];
  for (let i = 1; i <= count; i++) {
    const year = 1970 + (i % 30);
    const birth = `${year}-0${1 + (i % 9)}-1${i % 10}`;
    let id = idNumber(birth, Math.floor(i / 90) * 2 + (i % 2));
    if (badEvery > 0 && i % badEvery === 0) id = id.slice(0, 17) + (id.endsWith("0") ? "1" : "0");
    rows.push([`党员${i}`, i % 2 ? "男" : "女", birth, id, `${year + 25}-07-01`, `${year + 26}-07-01`, `139${String(10000000 + i).slice(-8)}`, "第一党支部"]);
  }
  return rows;
}

/**
 * A roster where every member is wrong several times over (the check digit, the birth date against
 * the ID, full membership before admission, a phone of five digits): as many findings per cell as
 * a ledger is likely to give, for the memory bound.
 */
export function rosterAllBad(count: number): CellValue[][] {
  const rows = rosterRows(count, 1);
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i]!;
    r[2] = "1960-01-01";
    r[5] = "1960-07-01";
    r[6] = "12345";
  }
  return rows;
}
