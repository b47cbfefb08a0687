/**
 * One pass over a sheet's XML bytes, before SheetJS builds anything: how far down the
 * cells go and how many there are (so a 1,048,576-row sheet is refused without
 * allocating it), and where `</sheetData>` ends (the validations come after it).
 * Works on bytes because sheet parts can be tens of megabytes.
 */
export interface SheetScan {
  /** 1-based number of the last row that holds at least one cell; 0 when none. */
  lastRowWithCells: number;
  cellCount: number;
  /** Byte offset just after the sheetData element (or 0 when absent). */
  afterSheetData: number;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;
const QUOTE = 0x22;
const APOS = 0x27;

function isNameByte(b: number): boolean {
  return (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39) || b === 0x5f || b === 0x2d || b === 0x2e;
}

/** Reads the `r` attribute of a start tag whose attributes begin at `i`; returns [value or -1, index of '>']. */
function readRowNumber(b: Uint8Array, i: number, end: number): [number, number] {
  let r = -1;
  while (i < end && b[i] !== GT) {
    // an attribute named exactly "r" (preceded by whitespace, followed by '=')
    if (b[i] === 0x72 && b[i - 1]! <= 0x20 && (b[i + 1] === 0x3d || b[i + 1]! <= 0x20)) {
      let j = i + 1;
      while (j < end && b[j] !== QUOTE && b[j] !== APOS) j++;
      j++;
      let n = 0;
      while (j < end && b[j]! >= 0x30 && b[j]! <= 0x39) n = n * 10 + (b[j++]! - 0x30);
      r = n;
      while (j < end && b[j] !== QUOTE && b[j] !== APOS) j++; // the closing quote
      i = j + 1;
      continue;
    }
    if (b[i] === QUOTE || b[i] === APOS) {
      const q = b[i];
      i++;
      while (i < end && b[i] !== q) i++;
    }
    i++;
  }
  return [r, i];
}

export function scanSheetXml(b: Uint8Array): SheetScan {
  let row = 0;
  let lastRowWithCells = 0;
  let cellCount = 0;
  let afterSheetData = 0;
  const end = b.length;
  for (let i = 0; i < end; i++) {
    if (b[i] !== LT) continue;
    const closing = b[i + 1] === SLASH;
    let s = closing ? i + 2 : i + 1;
    let e = s;
    while (e < end && (isNameByte(b[e]!) || b[e] === COLON)) {
      if (b[e] === COLON) s = e + 1; // drop a namespace prefix
      e++;
    }
    const len = e - s;
    if (len === 1 && b[s] === 0x63 && !closing) {
      // <c …>: a cell
      cellCount++;
      if (row > lastRowWithCells) lastRowWithCells = row;
    } else if (len === 3 && b[s] === 0x72 && b[s + 1] === 0x6f && b[s + 2] === 0x77 && !closing) {
      // <row …>: rows without r follow on from the previous one
      const [r, gt] = readRowNumber(b, e, end);
      row = r > 0 ? r : row + 1;
      i = gt;
    } else if (len === 9 && matches(b, s, "sheetData")) {
      let gt = e;
      while (gt < end && b[gt] !== GT) gt++;
      if (closing || b[gt - 1] === SLASH) afterSheetData = gt + 1;
      i = gt;
    }
  }
  return { lastRowWithCells, cellCount, afterSheetData };
}

function matches(b: Uint8Array, at: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (b[at + k] !== word.charCodeAt(k)) return false;
  return true;
}
