import { toSimplified } from "./traditional.js";

/**
 * Text as clerks type it: full-width digits and letters, ideographic spaces, stray
 * spaces and line breaks. Everything that compares text goes through these.
 */

/** Full-width ASCII (！..～) and the ideographic space → their half-width forms. */
export function toHalfWidth(text: string): string {
  // Most cells hold no full-width character: return them as they are, without building a copy.
  let start = 0;
  while (start < text.length) {
    const code = text.charCodeAt(start);
    if ((code >= 0xff01 && code <= 0xff5e) || code === 0x3000) break;
    start++;
  }
  if (start === text.length) return text;
  let out = text.slice(0, start);
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += " ";
    else out += text[i];
  }
  return out;
}

export function hasFullWidth(text: string): boolean {
  return /[\uff01-\uff5e\u3000]/.test(text);
}

/** Half-width, with no white space at all: how short words (markers, 预备, 免交) are compared. */
export function unspacedHalfWidth(text: string): string {
  return toHalfWidth(text).replace(/[\s\u00a0]+/g, "");
}

/** Trim and fold runs of white space (incl. non-breaking and ideographic) into one space. */
export function cleanText(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, " ").trim();
}

const CJK = /[\u3400-\u9fff]/;
/** A word wholly in Latin letters, two at least: a lone `A` (A 列, A岗) is a letter, not a translation. */
const LATIN_WORD = /^(?=(?:[^A-Za-z]*[A-Za-z]){2})[A-Za-z][A-Za-z0-9.'&()-]*$/;

/**
 * The Chinese part of a bilingual header as HR and OA systems export them (`Join Date 入党日期`,
 * `姓名/Name`, `ID No. 身份证号`): words wholly in Latin letters, set off by a space or a slash from
 * a Chinese word, say the same thing again and are dropped. `QQ号` or a header without Chinese stays.
 */
export function chinesePart(text: string): string {
  if (!CJK.test(text) || !/[A-Za-z]/.test(text)) return text;
  const words = text.split(/[\s\u00a0/|]+/).filter((w) => w !== "");
  const kept = words.filter((w) => !LATIN_WORD.test(w));
  if (kept.length === words.length || !kept.some((w) => CJK.test(w))) return text;
  return kept.join("");
}

/**
 * A header reduced to what identifies it: Traditional characters in Simplified, the Chinese part of a
 * bilingual header, half-width, no white space or line breaks,
 * no required-field stars, and brackets of either width made the same.
 * "党籍状态（正式党员或预备党员）" and "党籍状态(正式党员或预备党员)" give one key.
 */
export function headerKey(text: string): string {
  return toSimplified(chinesePart(toHalfWidth(text)))
    .replace(/[\s\u00a0]+/g, "")
    .replace(/[*＊※]/g, "")
    .replace(/[【[]/g, "(")
    .replace(/[】\]]/g, ")")
    .toLowerCase();
}

/** The header without any bracketed remark: "党籍状态(正式党员或预备党员)" → "党籍状态". */
export function headerStem(key: string): string {
  return key.replace(/\([^)]*\)/g, "").replace(/[:：]$/, "");
}
