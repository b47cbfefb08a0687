import { checkBook, checkWorkbook, type CellValue, type SheetGrid } from "../shared/index.js";
import { checkCharacter } from "../shared/idcard/gb11643.js";
import { median, time } from "./measure.js";

/**
 * (f) The ledger book: five ledgers of one branch (roster, dues, meetings, development,
 * committee) of n rows each, checked as a book against the same sheets checked one by one. The
 * book's own share (linking and the cross-ledger rules) is their difference; measured at n and
 * 10 n rows, it should grow about tenfold (linear in rows).
 */
function id(seq: number): string {
  const body = `3301061975${String((seq % 12) + 1).padStart(2, "0")}${String((seq % 28) + 1).padStart(2, "0")}${String(seq % 1000).padStart(3, "0")}`;
  return body + checkCharacter(body);
}

function ledgers(n: number): SheetGrid[] {
  const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
  const roster: CellValue[][] = [["姓名", "身份证号码", "入党时间", "转正时间", "党籍状态"]];
  const dues: CellValue[][] = [["姓名", "身份证号码", "人员类别", "缴费基数", "月应缴党费", ...months]];
  const development: CellValue[][] = [["姓名", "身份证号码", "申请入党时间", "确定为入党积极分子时间", "入党时间"]];
  const meetings: CellValue[][] = [["会议类型", "会议时间", "应到人数", "实到人数", "主持人"]];
  for (let i = 0; i < n; i++) {
    roster.push([`党员${i}`, id(i), "2000-07-01", "2001-07-01", "正式党员"]);
    if (i % 50 !== 7) dues.push([`党员${i}`, id(i), "在职", 4000, 40, ...Array(12).fill(40)]);
    development.push([`党员${i}`, id(i), "1999-01-01", "1999-07-01", i % 40 === 3 ? "2000-07-02" : "2000-07-01"]);
    meetings.push(["主题党日", `2025-${String((i % 12) + 1).padStart(2, "0")}-10`, n, n - 1, "书记"]);
  }
  const committee: CellValue[][] = [["姓名", "职务"], ["党员0", "书记"], ["党员1", "副书记"], ["党员2", "委员"]];
  return [
    { name: "花名册", values: roster },
    { name: "党费", values: dues },
    { name: "发展党员", values: development },
    { name: "2025年三会一课", values: meetings },
    { name: "支委会", values: committee },
  ];
}

function measure(n: number) {
  const sheets = ledgers(n);
  const opts = { asOf: "2025-12-31" };
  const runBook = () => checkBook([{ grid: { sheets } }], opts).findings.length;
  const runAlone = () => sheets.reduce((k, s) => k + checkWorkbook({ sheets: [s] }, opts).findings.length, 0);
  runBook();
  runAlone();
  const book: number[] = [];
  const alone: number[] = [];
  let findings = 0;
  for (let i = 0; i < 5; i++) {
    book.push(time(() => (findings = runBook())));
    alone.push(time(runAlone));
  }
  return { book: median(book), alone: median(alone), findings };
}

export async function benchBook(): Promise<string[]> {
  const small = measure(2_000);
  const large = measure(20_000);
  const crossSmall = Math.max(0.1, small.book - small.alone);
  const crossLarge = Math.max(0.1, large.book - large.alone);
  return [
    "(f) ledger book: five ledgers of n rows (roster, dues, development, meetings, committee) as one book vs each alone",
    `    n = 2,000: book ${small.book.toFixed(0)} ms, sheets alone ${small.alone.toFixed(0)} ms, the book's own share ${crossSmall.toFixed(0)} ms (${small.findings} findings)`,
    `    n = 20,000: book ${large.book.toFixed(0)} ms, sheets alone ${large.alone.toFixed(0)} ms, the book's own share ${crossLarge.toFixed(0)} ms (${large.findings} findings)`,
    `    10× rows → the book's share ×${(crossLarge / crossSmall).toFixed(1)} (linear: about ×10); whole book ×${(large.book / small.book).toFixed(1)}`,
  ];
}
