import type { DefinedName } from "../xlsx/package-parts.js";
import type { RawListValidation } from "../xlsx/validations-xml.js";
import { readErrors } from "../xlsx/errors.js";
import { areaText, biff8Chars, u16, u32 } from "./biff-bytes.js";
import { listFormulaText, refFormulaText, type SheetRefContext } from "./biff-formula.js";

/**
 * One pass over a BIFF5/BIFF8 Workbook stream ([MS-XLS]) before SheetJS builds anything:
 * the sheets (name, visibility, how far down their cells go, how many there are), whether
 * the workbook is encrypted, its code page, its defined names and each sheet's drop-down
 * lists (DV records, which SheetJS does not read). Costs one walk over the record headers.
 */
export interface BiffSheet {
  name: string;
  /** The name as SheetJS gives it: for BIFF5 without code-page tables, each byte as a character. */
  sheetJsName: string;
  hidden: boolean;
  /** BoundSheet8 dt: 0 worksheet, 1 macro sheet, 2 chart, 6 VB module. */
  kind: number;
  /** 1-based last row holding a value cell; 0 when none. */
  lastRow: number;
  cells: number;
  validations: RawListValidation[];
}

export interface BiffScan {
  version: 5 | 8;
  codepage: number | null;
  encrypted: boolean;
  sheets: BiffSheet[];
  definedNames: DefinedName[];
}

const BOF = 0x0809;
const EOF = 0x000a;
const BOUNDSHEET = 0x0085;
const CODEPAGE = 0x0042;
const FILEPASS = 0x002f;
const EXTERNSHEET = 0x0017;
const SUPBOOK = 0x01ae;
const NAME = 0x0018;
const DV = 0x01be;
const MULRK = 0x00bd;
/** Records that hold one cell with a value, row first. */
const CELL_RECORDS = new Set([0x0203, 0x027e, 0x00fd, 0x0204, 0x00d6, 0x0006, 0x0205]);
/** BOF records of BIFF2, 3 and 4: worksheets older than Excel 5. */
const OLD_BOFS = new Set([0x0009, 0x0209, 0x0409]);


/** The record header at `p`: its type, its length and where its data starts; a record cut off is a truncated file. */
function recordAt(stream: Uint8Array, p: number): { type: number; len: number; d: number } {
  if (p + 4 > stream.length) throw readErrors.truncated();
  const len = u16(stream, p + 2);
  if (p + 4 + len > stream.length) throw readErrors.truncated();
  return { type: u16(stream, p), len, d: p + 4 };
}

/** Bytes as SheetJS reads 8-bit text when it has no code-page tables: one character per byte. */
export const latin1 = (bytes: Uint8Array): string => {
  let s = "";
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return s;
};

/**
 * `decoderFor` turns the workbook's CODEPAGE into a decoder for BIFF5's 8-bit text (sheet
 * names; BIFF8 stores text as UTF-16 or Latin-1 and needs none).
 */
export function scanBiff(stream: Uint8Array, decoderFor: (codepage: number | null) => (bytes: Uint8Array) => string): BiffScan {
  if (stream.length < 8) throw readErrors.truncated();
  const first = u16(stream, 0);
  if (OLD_BOFS.has(first)) throw readErrors.xlsBiff();
  if (first !== BOF) throw readErrors.corrupt("Workbook stream does not start with BOF");
  const version = u16(stream, 4) === 0x0600 ? 8 : 5;

  const bound: { name: string | Uint8Array; hidden: boolean; kind: number; pos: number }[] = [];
  const xti: { supBook: number; first: number }[] = [];
  const supBooksSelf: boolean[] = [];
  const rawNames: { name: string; rgce: Uint8Array; itab: number }[] = [];
  let codepage: number | null = null;
  let encrypted = false;

  for (let p = 0; ; ) {
    const { type, len, d } = recordAt(stream, p);
    p = d + len;
    if (type === EOF) break;
    if (type === FILEPASS) encrypted = true;
    else if (type === CODEPAGE && len >= 2) codepage = u16(stream, d);
    else if (type === BOUNDSHEET && len >= 8) {
      const cch = stream[d + 6]!;
      const name = version === 8 ? biff8Chars(stream, d + 8, cch, (stream[d + 7]! & 1) === 1) : stream.subarray(d + 7, d + 7 + cch);
      bound.push({ name, hidden: (stream[d + 4]! & 3) !== 0, kind: stream[d + 5]!, pos: u32(stream, d) });
    } else if (type === SUPBOOK && version === 8 && len >= 4) supBooksSelf.push(u16(stream, d + 2) === 0x0401);
    else if (type === EXTERNSHEET && version === 8 && len >= 2) {
      const n = Math.min(u16(stream, d), Math.floor((len - 2) / 6));
      for (let i = 0; i < n; i++) xti.push({ supBook: u16(stream, d + 2 + i * 6), first: u16(stream, d + 4 + i * 6) });
    } else if (type === NAME && version === 8 && len >= 15) {
      const grbit = u16(stream, d);
      const cch = stream[d + 3]!;
      const cce = u16(stream, d + 4);
      const high = (stream[d + 14]! & 1) === 1;
      const nameEnd = d + 15 + cch * (high ? 2 : 1);
      if (grbit & 0x20 || nameEnd + cce > d + len) continue; // built-in names (Print_Area …) are not list sources
      rawNames.push({ name: biff8Chars(stream, d + 15, cch, high), rgce: stream.subarray(nameEnd, nameEnd + cce), itab: u16(stream, d + 8) });
    }
  }
  if (encrypted) return { version, codepage, encrypted, sheets: [], definedNames: [] };

  const decodeAnsi = decoderFor(codepage);
  const names = bound.map((b) => (typeof b.name === "string" ? b.name : decodeAnsi(b.name)));
  const refs: SheetRefContext = {
    sheetOf(ixti) {
      const x = xti[ixti];
      return x && supBooksSelf[x.supBook] ? (names[x.first] ?? null) : null;
    },
    nameOf(index) {
      return rawNames[index - 1]?.name ?? null;
    },
  };
  const definedNames: DefinedName[] = rawNames.flatMap((n) => {
    const ref = refFormulaText(n.rgce, refs);
    return ref ? [{ name: n.name, ref, localSheet: n.itab > 0 ? n.itab - 1 : null }] : [];
  });

  const sheets = bound.map((b, i) => ({
    name: names[i]!,
    sheetJsName: typeof b.name === "string" ? b.name : latin1(b.name),
    hidden: b.hidden,
    kind: b.kind,
    ...scanSheet(stream, b.pos, version, refs),
  }));
  return { version, codepage, encrypted, sheets, definedNames };
}

function scanSheet(stream: Uint8Array, start: number, version: 5 | 8, refs: SheetRefContext): Pick<BiffSheet, "lastRow" | "cells" | "validations"> {
  if (start + 4 > stream.length) throw readErrors.truncated();
  if (u16(stream, start) !== BOF) throw readErrors.corrupt("a sheet does not start where the workbook says");
  let lastRow = 0;
  let cells = 0;
  const validations: RawListValidation[] = [];
  let depth = 0;
  for (let p = start; ; ) {
    const { type, len, d } = recordAt(stream, p);
    p = d + len;
    if (type === BOF) depth++;
    else if (type === EOF && --depth === 0) break;
    if (depth !== 1) continue; // an embedded chart's records are not the sheet's cells
    if (CELL_RECORDS.has(type) && len >= 4) {
      cells++;
      lastRow = Math.max(lastRow, u16(stream, d) + 1);
    } else if (type === MULRK && len >= 6) {
      cells += Math.max(0, u16(stream, d + len - 2) - u16(stream, d + 2) + 1);
      lastRow = Math.max(lastRow, u16(stream, d) + 1);
    } else if (type === DV && version === 8) {
      const v = readDv(stream.subarray(d, d + len), refs);
      if (v) validations.push(v);
    }
  }
  return { lastRow, cells, validations };
}

/** A DV record of type list → the same {sqref, formula1} text an .xlsx sheet carries. */
function readDv(r: Uint8Array, refs: SheetRefContext): RawListValidation | null {
  if (r.length < 4) return null;
  const flags = u32(r, 0);
  if ((flags & 0x0f) !== 3) return null; // only lists
  let p = 4;
  for (let i = 0; i < 4; i++) {
    // PromptTitle, ErrorTitle, Prompt, Error: XLUnicodeString
    if (p + 3 > r.length) return null;
    const cch = u16(r, p);
    p += 3 + cch * ((r[p + 2]! & 1) === 1 ? 2 : 1);
  }
  if (p + 4 > r.length) return null;
  const cce1 = u16(r, p);
  const rgce = r.subarray(p + 4, p + 4 + cce1);
  p += 4 + cce1;
  if (p + 4 > r.length) return null;
  p += 4 + u16(r, p); // formula2 (unused by lists)
  if (p + 2 > r.length) return null;
  const count = u16(r, p);
  p += 2;
  const areas: string[] = [];
  for (let i = 0; i < count && p + 8 <= r.length; i++, p += 8) {
    areas.push(areaText(u16(r, p), u16(r, p + 2), u16(r, p + 4), u16(r, p + 6), false));
  }
  const explicit = (flags & 0x80) !== 0;
  const formula1 = explicit ? listFormulaText(rgce) : refFormulaText(rgce, refs);
  return formula1 && areas.length ? { sqref: areas.join(" "), formula1 } : null;
}

