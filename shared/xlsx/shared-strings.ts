import { ChunkedParser } from "./chunked-parser.js";
import { LT, closingTag, indexOfByte, nameIs, readTag, text, type Tag } from "./xml-bytes.js";
import { unescapeCellText } from "./xml-unescape.js";

/**
 * The text of a rich-text string (`<si>` of the shared strings, `<is>` of an inline string), from
 * its inner bytes [start, end): a plain `<t>` is its text; runs (`<r><t>…</t></r>`) are joined,
 * phonetic guides (`<rPh>`, the furigana of East Asian text) left out. Null when it has neither.
 */
export function richText(b: Uint8Array, start: number, end: number): string | null {
  let i = start;
  while (i < end && b[i]! <= 0x20) i++;
  const first = b[i] === LT ? readTag(b, i, end) : null;
  if (first && !first.closing && !first.special && nameIs(b, first, "t")) {
    if (first.selfClosing) return "";
    const close = closingTag(b, first.gt + 1, end, "t");
    return unescapeCellText(text(b, first.gt + 1, close < 0 ? end : close));
  }
  let joined = "";
  let sawRun = false;
  let inPhonetic = 0;
  for (let lt = indexOfByte(b, LT, i, end); lt >= 0; ) {
    const tag = readTag(b, lt, end);
    if (!tag) break;
    if (!tag.special) {
      if (nameIs(b, tag, "rPh")) inPhonetic += tag.closing ? -1 : tag.selfClosing ? 0 : 1;
      else if (nameIs(b, tag, "r") && !tag.closing) sawRun = true;
      else if (nameIs(b, tag, "t") && !tag.closing && !tag.selfClosing && inPhonetic === 0) {
        const next = indexOfByte(b, LT, tag.gt + 1, end);
        const close = next >= 0 ? readTag(b, next, end) : null;
        if (close && close.closing && nameIs(b, close, "t")) {
          joined += text(b, tag.gt + 1, next);
          lt = indexOfByte(b, LT, close.gt + 1, end);
          continue;
        }
      }
    }
    lt = indexOfByte(b, LT, tag.gt + 1, end);
  }
  // Without runs, stray text after other elements is no string (as SheetJS reads it).
  return sawRun ? unescapeCellText(joined) : null;
}

/** `xl/sharedStrings.xml` → the strings in order (null for an entry with no text). */
export class SharedStringsParser extends ChunkedParser {
  readonly strings: SharedString[] = [];

  constructor(private readonly maxChars: number) {
    super("xl/sharedStrings.xml");
  }

  protected parse(b: Uint8Array, final: boolean): number {
    const end = b.length;
    let at = 0;
    for (let lt = indexOfByte(b, LT, 0, end); lt >= 0; lt = indexOfByte(b, LT, at, end)) {
      const tag = readTag(b, lt, end);
      if (!tag) return final ? end : lt;
      at = tag.gt + 1;
      if (tag.closing || tag.special || !(nameIs(b, tag, "si") || nameIs(b, tag, "sstItem"))) continue;
      if (tag.selfClosing) {
        this.strings.push(null);
        continue;
      }
      const close = findClose(b, tag, end);
      if (close < 0) return final ? end : lt;
      this.strings.push(capped(richText(b, tag.gt + 1, close), this.maxChars));
      at = indexOfByte(b, 0x3e, close, end) + 1;
    }
    return final ? end : at;
  }
}

/** The '<' of the closing tag of `open` (same local name), or -1 when not within `end`. */
function findClose(b: Uint8Array, open: Tag, end: number): number {
  for (let lt = indexOfByte(b, LT, open.gt + 1, end); lt >= 0; ) {
    const tag = readTag(b, lt, end);
    if (!tag) return -1;
    if (tag.closing && tag.nameEnd - tag.nameStart === open.nameEnd - open.nameStart) {
      let same = true;
      for (let k = 0; k < tag.nameEnd - tag.nameStart; k++) if (b[tag.nameStart + k] !== b[open.nameStart + k]) same = false;
      if (same) return lt;
    }
    lt = indexOfByte(b, LT, tag.gt + 1, end);
  }
  return -1;
}

/**
 * A shared string longer than the per-cell cap is kept only as its length (a cell that uses it is
 * refused with that length), so a table of huge strings never sits in memory.
 */
function capped(s: string | null, maxChars: number): SharedString {
  if (s === null || s.length <= maxChars) return s;
  return new TooLong(s.length);
}

/** Stands in for a shared string over the cap: the sheet parser refuses the first cell that uses it. */
export class TooLong {
  constructor(readonly chars: number) {}
}

/** An entry of the shared strings: its text, null for an entry without text, or a stand-in for one over the cap. */
export type SharedString = string | null | TooLong;
