import { checkBook, checkWorkbook, type CellValue, type SheetGrid } from "../shared/index.js";
import { crossCheckBook, prepareBook } from "../shared/book/check-book.js";
import { checkCharacter } from "../shared/idcard/gb11643.js";
import { median, time } from "./measure.js";

/**
 * (f) The ledger book: five ledgers of one branch (roster, dues, meetings, development,
 * committee) of n rows each, checked as a book against the same sheets checked one by one (the
 * peer). The book's own work — indexing the roster, lending its dates, the cross-ledger rules — is
 * timed on its own; measured at n and 10 n rows, it should grow about tenfold (linear in rows).
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
  const parts = [{ grid: { sheets } }];
  const runBook = () => checkBook(parts, opts).findings.length;
  const runAlone = () => sheets.reduce((k, s) => k + checkWorkbook({ sheets: [s] }, opts).findings.length, 0);
  // The book's own work: the roster indexed, its dates lent, the ledgers checked against each other
  // (reading the sheets, which the peer does too, is left out by timing it apart).
  const runRead = () => prepareBook(parts, opts);
  const runOwn = () => crossCheckBook(prepareBook(parts, opts), opts).length;
  runBook();
  runAlone();
  const book: number[] = [];
  const alone: number[] = [];
  const read: number[] = [];
  const own: number[] = [];
  let findings = 0;
  for (let i = 0; i < 5; i++) {
    book.push(time(() => (findings = runBook())));
    alone.push(time(runAlone));
    read.push(time(runRead));
    own.push(time(runOwn));
  }
  return { book: median(book), alone: median(alone), own: Math.max(0.1, median(own) - median(read)), findings };
}

export async function benchBook(): Promise<string[]> {
  const small = measure(2_000);
  const large = measure(20_000);
  const line = (n: string, m: ReturnType<typeof measure>) =>
    `    n = ${n}: book ${m.book.toFixed(0)} ms, the same sheets alone ${m.alone.toFixed(0)} ms (ratio ${(m.book / m.alone).toFixed(2)}×), cross-ledger rules ${m.own.toFixed(1)} ms (${m.findings} findings)`;
  return [
    "(f) ledger book: five ledgers of n rows (roster, dues, development, meetings, committee) as one book vs each alone",
    line("2,000", small),
    line("20,000", large),
    `    10× rows → cross-ledger rules ×${(large.own / small.own).toFixed(1)}, whole book ×${(large.book / small.book).toFixed(1)} (linear: about ×10)`,
  ];
}
