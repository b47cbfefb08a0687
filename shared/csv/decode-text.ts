import type { TextEncodingName } from "../grid/types.js";

/**
 * Works out how a text file is encoded, the way a clerk's files come: UTF-8 with or
 * without a byte-order mark (WPS, LibreOffice, exports from web systems), GBK/GB18030
 * (Excel's and WPS's "CSV" on a Chinese Windows), UTF-16 (Excel's "Unicode text").
 * Decoding is strict: bytes that are not valid in an encoding rule it out, so a GBK file
 * is never shown as UTF-8 mojibake. Uses only TextDecoder, whose gbk and gb18030 labels
 * Node (full ICU), browsers and workerd all carry.
 */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

const strict = (label: string, bytes: Uint8Array): string | null => {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
};

/** UTF-16 without a BOM: ASCII characters (digits, commas, line breaks) put a zero in every other byte. */
function utf16Order(bytes: Uint8Array): "le" | "be" | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return "le";
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return "be";
  return null;
}

/** GB18030's four-byte sequences (second byte 0x30–0x39) are outside GBK. */
function usesFourByteGb(bytes: Uint8Array): boolean {
  for (let i = 0; i + 1 < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    const next = bytes[i + 1]!;
    if (b >= 0x81 && b <= 0xfe && next >= 0x30 && next <= 0x39) return true;
    i++; // a two-byte character: skip its trail byte
  }
  return false;
}

/** Text that is really text: no NUL, and control characters only where text has them. */
function looksLikeText(text: string): boolean {
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return false;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) control++;
  }
  return control <= text.length / 1000;
}

/** The text and its encoding, or null when the bytes are not text in any of them. */
export function decodeText(bytes: Uint8Array): DecodedText | null {
  const b = bytes;
  let out: DecodedText | null = null;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    const text = strict("utf-8", b);
    out = text === null ? null : { text, encoding: "UTF-8-BOM" };
  } else if (b[0] === 0xff && b[1] === 0xfe) {
    const text = strict("utf-16le", b);
    out = text === null ? null : { text, encoding: "UTF-16LE" };
  } else if (b[0] === 0xfe && b[1] === 0xff) {
    const text = strict("utf-16be", b);
    out = text === null ? null : { text, encoding: "UTF-16BE" };
  } else {
    const order = utf16Order(b);
    if (order) {
      const text = strict(order === "le" ? "utf-16le" : "utf-16be", b);
      out = text === null ? null : { text, encoding: order === "le" ? "UTF-16LE" : "UTF-16BE" };
    } else {
      const utf8 = strict("utf-8", b);
      if (utf8 !== null) out = { text: utf8, encoding: "UTF-8" };
      else {
        const gb = strict("gb18030", b);
        out = gb === null ? null : { text: gb, encoding: usesFourByteGb(b) ? "GB18030" : "GBK" };
      }
    }
  }
  return out && looksLikeText(out.text) ? out : null;
}
