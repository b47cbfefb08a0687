/**
 * Cell text as Excel means it: XML entities (`&amp;`, `&#x4E00;`), Excel's own `_xHHHH_` escapes
 * (characters XML cannot hold, such as `_x000D_`), CDATA kept as written, and CRLF read as a line
 * feed. The same rules SheetJS applies to SpreadsheetML strings, so both readers agree on a cell.
 */
const ENTITY: Record<string, string> = { quot: '"', apos: "'", gt: ">", lt: "<", amp: "&" };
const ENTITY_RE = /&(?:(quot|apos|gt|lt|amp)|#(x?)([\da-fA-F]+));/gi;
const EXCEL_ESCAPE_RE = /_x([\da-fA-F]{4})_/gi;

function unescapePlain(s: string): string {
  let out = s;
  if (out.includes("&")) {
    out = out.replace(ENTITY_RE, (whole, named: string | undefined, hex: string, num: string) => {
      if (named) return ENTITY[named.toLowerCase()] ?? whole;
      const code = parseInt(num, hex ? 16 : 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
  }
  if (out.includes("_x") || out.includes("_X")) out = out.replace(EXCEL_ESCAPE_RE, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return out;
}

export function unescapeCellText(raw: string): string {
  let out: string;
  const cdata = raw.indexOf("<![CDATA[");
  if (cdata < 0) out = unescapePlain(raw);
  else {
    const close = raw.indexOf("]]>", cdata);
    out = close < 0 ? unescapePlain(raw) : unescapePlain(raw.slice(0, cdata)) + raw.slice(cdata + 9, close) + unescapeCellText(raw.slice(close + 3));
  }
  return out.includes("\r\n") ? out.replace(/\r\n/g, "\n") : out;
}
