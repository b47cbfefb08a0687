/**
 * What a file is, from its first bytes; the name is only a tie-breaker. Clerks' files
 * are often not what their names say (a CSV saved as .xls by a web system, an .xlsx
 * renamed .et), and the bytes never lie about the container.
 */
export type Container = "zip" | "ole2" | "biff-old" | "html" | "pdf" | "other";

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function sniffContainer(bytes: Uint8Array): Container {
  // "PK" followed by a local header (03 04), an empty archive (05 06) or a spanned marker (07 08).
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const b2 = bytes[2];
    if (b2 === 0x03 || b2 === 0x05 || b2 === 0x07) return "zip";
  }
  if (bytes.length >= 8 && OLE2_MAGIC.every((b, i) => bytes[i] === b)) return "ole2";
  // BIFF2–4 worksheets are bare record streams starting with their BOF record.
  if (bytes.length >= 4 && (bytes[0] === 0x09 && (bytes[1] === 0x00 || bytes[1] === 0x02 || bytes[1] === 0x04)) && bytes[3] === 0x00) return "biff-old";
  if (bytes.length >= 5 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return "pdf";
  // A "spreadsheet" some systems export is a web page: <html>, <table>, or an XML spreadsheet.
  const head = new TextDecoder("utf-8").decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, "").trimStart().toLowerCase();
  if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<table") || head.startsWith("<?xml")) return "html";
  return "other";
}
