import type { PreparedSheet } from "../check/check-sheet.js";
import type { SheetContext } from "../detect/sheet-context.js";
import { headerKey } from "../normalise/text.js";
import type { RecordSet } from "../records/build.js";

/**
 * A ledger too long for one sheet goes on in the next: 党费台账 / 党费台账（续）, 名册（一）/ 名册（二）,
 * the header repeated under 续表 or 接上表. The sheets are one ledger, and a 合计 on the last one
 * may cover them all: it is compared with the members of every sheet, never with the last alone.
 */
export interface ContinuedFrom {
  /** The earlier sheets of the ledger, first to last. */
  sheets: { sheet: string; set: RecordSet }[];
  /** The sheet says it continues (续表, （续）, 接上表, or a numbered name): its 合计 covers them all. */
  declared: boolean;
}

/** What a continuation says of itself, in its name or over its header. */
const CONTINUED = /续表|续页|[（(]\s*续\s*[一二三四五六七八九十\d]*\s*[)）]|接上表|接上页|承上页|^续[一二三四五六七八九十\d]?$/;
/**
 * The number in brackets a sheet's name ends in: 名册（一）, 名册(2). A bare number (Sheet2, 党小组2)
 * names another table as often as a continued one.
 */
const NUMBERED = /^(.*?)\s*\(\s*([一二三四五六七八九十]|\d{1,2})\s*\)$/;
const NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** Whether a sheet says, in its name or its title rows, that it continues another. */
export function saysContinued(ctx: SheetContext): boolean {
  return [ctx.sheetName, ...ctx.titles].some((t) => CONTINUED.test(headerKey(t)));
}

function numbered(name: string): { base: string; n: number } | null {
  const m = NUMBERED.exec(headerKey(name));
  if (!m || m[1] === "") return null;
  return { base: m[1]!, n: NUMERALS[m[2]!] ?? Number(m[2]) };
}

/** Two sheet names that number one ledger's sheets in turn (名册（一）then 名册（二）). */
function nextInNumbering(before: string, after: string): boolean {
  const a = numbered(before);
  const b = numbered(after);
  return a !== null && b !== null && a.base === b.base && b.n === a.n + 1;
}

/** A sheet's header as its columns read it: the same header, column for column, is the same ledger's. */
function headerSignature(p: PreparedSheet): string {
  const first = p.view.firstCol;
  const cells = [...p.layout.columns.map((c) => [c.col - first, c.header] as const), ...p.layout.unbound.map((u) => [u.col - first, u.header] as const)];
  return `${p.layout.index.template.id}\u0000${cells
    .sort((a, b) => a[0] - b[0])
    .map(([c, h]) => `${c}:${headerKey(h)}`)
    .join("\u0001")}`;
}

/**
 * The sheets of one workbook that continue the sheet before them: the same template under the
 * same header, one after the other. Each continuation gets the sheets it continues; whether it
 * says so decides how its 合计 is read (see ContinuedFrom). Sheets in between that are not
 * ledgers (a 说明 sheet) do not break the chain; a ledger of another header does.
 */
export function continuationsOf<T extends { prepared: PreparedSheet }>(sheets: readonly T[]): Map<T, ContinuedFrom> {
  const out = new Map<T, ContinuedFrom>();
  if (sheets.length < 2) return out;
  let chain: T[] = [];
  let signature = "";
  for (const s of sheets) {
    const sig = headerSignature(s.prepared);
    if (chain.length > 0 && sig === signature) {
      const last = chain[chain.length - 1]!;
      const declared = saysContinued(s.prepared.context) || nextInNumbering(last.prepared.view.name, s.prepared.view.name);
      out.set(s, { sheets: chain.map((c) => ({ sheet: c.prepared.view.name, set: c.prepared.set })), declared });
      chain.push(s);
      continue;
    }
    chain = [s];
    signature = sig;
  }
  return out;
}
