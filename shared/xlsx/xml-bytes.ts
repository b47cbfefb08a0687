/**
 * XML read straight from UTF-8 bytes, one tag at a time: enough for SpreadsheetML parts that
 * run to tens of megabytes (sheets, shared strings), without decoding them into one string or
 * building a tree. Element names are matched on their local name (any namespace prefix).
 */

export const LT = 0x3c;
export const GT = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const APOS = 0x27;

export interface Tag {
  /** Index of '<'. */
  lt: number;
  /** Index of '>'. */
  gt: number;
  /** The local name (prefix dropped): [start, end). */
  nameStart: number;
  nameEnd: number;
  closing: boolean;
  selfClosing: boolean;
  /** A comment, a processing instruction, a DOCTYPE or CDATA: `<!…>` / `<?…>`. */
  special: boolean;
}

const isNameByte = (b: number) => b > 0x20 && b !== GT && b !== SLASH && b !== EQUALS;

/**
 * The tag that starts at `lt` (a '<'), or null when its '>' is not within `end` (the caller waits
 * for more bytes). Comments and CDATA sections end at their own terminators.
 */
export function readTag(b: Uint8Array, lt: number, end: number): Tag | null {
  const first = b[lt + 1];
  if (first === undefined || lt + 1 >= end) return null;
  if (first === BANG || first === QUESTION) {
    let gt: number;
    if (first === BANG && b[lt + 2] === 0x2d && b[lt + 3] === 0x2d) gt = indexOfSeq(b, COMMENT_END, lt + 4, end) + 2;
    else if (first === BANG && b[lt + 2] === 0x5b) gt = indexOfSeq(b, CDATA_END, lt + 2, end) + 2;
    else gt = indexOfByte(b, GT, lt + 2, end);
    if (gt < 2 || gt >= end || b[gt] !== GT) return null;
    return { lt, gt, nameStart: lt + 1, nameEnd: lt + 1, closing: false, selfClosing: true, special: true };
  }
  const closing = first === SLASH;
  let s = closing ? lt + 2 : lt + 1;
  let e = s;
  while (e < end && isNameByte(b[e]!)) {
    if (b[e] === COLON) s = e + 1;
    e++;
  }
  // Attribute values may hold '>' (they are quoted): skip over them.
  let i = e;
  while (i < end) {
    const c = b[i]!;
    if (c === GT) break;
    if (c === QUOTE || c === APOS) {
      const q = indexOfByte(b, c, i + 1, end);
      if (q < 0) return null;
      i = q + 1;
    } else i++;
  }
  if (i >= end) return null;
  return { lt, gt: i, nameStart: s, nameEnd: e, closing, selfClosing: !closing && b[i - 1] === SLASH, special: false };
}

const COMMENT_END = new Uint8Array([0x2d, 0x2d, 0x3e]); // -->
const CDATA_END = new Uint8Array([0x5d, 0x5d, 0x3e]); // ]]>

/** Index of `byte` in [from, end), or -1. A plain loop: TypedArray#indexOf costs more per call than the short hops between tags. */
export function indexOfByte(b: Uint8Array, byte: number, from: number, end: number): number {
  for (let i = from; i < end; i++) if (b[i] === byte) return i;
  return -1;
}

function indexOfSeq(b: Uint8Array, seq: Uint8Array, from: number, end: number): number {
  for (let i = indexOfByte(b, seq[0]!, from, end); i >= 0 && i + seq.length <= end; i = indexOfByte(b, seq[0]!, i + 1, end)) {
    let k = 1;
    while (k < seq.length && b[i + k] === seq[k]) k++;
    if (k === seq.length) return i;
  }
  return -1;
}

/** Is the tag's local name exactly `word` (ASCII)? */
export function nameIs(b: Uint8Array, tag: Tag, word: string): boolean {
  if (tag.nameEnd - tag.nameStart !== word.length) return false;
  for (let k = 0; k < word.length; k++) if (b[tag.nameStart + k] !== word.charCodeAt(k)) return false;
  return true;
}

/**
 * The value of attribute `name` (its full name, prefix included, ASCII) of a start tag, as byte
 * bounds [start, end) into `b`, or null when the tag has no such attribute.
 */
export function attrBounds(b: Uint8Array, tag: Tag, name: string): [number, number] | null {
  let i = tag.nameEnd;
  const end = tag.gt;
  while (i < end) {
    while (i < end && b[i]! <= 0x20) i++;
    const ns = i;
    while (i < end && b[i] !== EQUALS && b[i]! > 0x20 && b[i] !== GT && b[i] !== SLASH) i++;
    const ne = i;
    while (i < end && b[i]! <= 0x20) i++;
    if (b[i] !== EQUALS) {
      i++;
      continue;
    }
    i++;
    while (i < end && b[i]! <= 0x20) i++;
    const q = b[i];
    if (q !== QUOTE && q !== APOS) return null;
    const vs = i + 1;
    const ve = indexOfByte(b, q, vs, end);
    if (ve < 0) return null;
    i = ve + 1;
    if (ne - ns !== name.length) continue;
    let k = 0;
    while (k < name.length && b[ns + k] === name.charCodeAt(k)) k++;
    if (k === name.length) return [vs, ve];
  }
  return null;
}

/** A non-negative decimal integer attribute, or -1 when absent or not digits. */
export function attrInt(b: Uint8Array, tag: Tag, name: string): number {
  const at = attrBounds(b, tag, name);
  if (!at) return -1;
  return digits(b, at[0], at[1]);
}

/** The digits in [start, end) as a number; -1 when empty or not all digits. */
export function digits(b: Uint8Array, start: number, end: number): number {
  if (start >= end) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = b[i]! - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const utf8 = new TextDecoder();

/** Bytes [start, end) as text (UTF-8); pure-ASCII runs are built without the decoder's call cost. */
export function text(b: Uint8Array, start: number, end: number): string {
  const n = end - start;
  if (n <= 0) return "";
  if (n <= 24) {
    let ascii = true;
    for (let i = start; i < end; i++) if (b[i]! >= 0x80) {
      ascii = false;
      break;
    }
    // One call with the bytes as arguments (at most 24): a flat string, not a chain of
    // concatenations (V8 keeps `s += c` past 12 characters as a tree of nodes until it is flattened).
    if (ascii) return String.fromCharCode.apply(null, b.subarray(start, end) as unknown as number[]);
  }
  return utf8.decode(b.subarray(start, end));
}

/** Index of the '<' of the first closing tag named `name` at or after `from` (within `end`), or -1. */
export function closingTag(b: Uint8Array, from: number, end: number, name: string): number {
  for (let lt = indexOfByte(b, LT, from, end); lt >= 0; ) {
    const tag = readTag(b, lt, end);
    if (!tag) return -1;
    if (tag.closing && nameIs(b, tag, name)) return lt;
    lt = indexOfByte(b, LT, tag.gt + 1, end);
  }
  return -1;
}
