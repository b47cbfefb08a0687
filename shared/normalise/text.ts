/**
 * Text as clerks type it: full-width digits and letters, ideographic spaces, stray
 * spaces and line breaks. Everything that compares text goes through these.
 */

/** Full-width ASCII (！..～) and the ideographic space → their half-width forms. */
export function toHalfWidth(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
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

/** Trim and fold runs of white space (incl. non-breaking and ideographic) into one space. */
export function cleanText(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, " ").trim();
}

/**
 * A header reduced to what identifies it: half-width, no white space or line breaks,
 * no required-field stars, and brackets of either width made the same.
 * "党籍状态（正式党员或预备党员）" and "党籍状态(正式党员或预备党员)" give one key.
 */
export function headerKey(text: string): string {
  return toHalfWidth(text)
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
