import { parseA1 } from "../../grid/a1.js";
import { DEFAULT_READ_LIMITS } from "../../xlsx/limits.js";
import { getPart, readPackageLayout } from "../../xlsx/package-parts.js";
import { unzipGuarded } from "../../xlsx/unzip-guarded.js";
import { findElements, parseAttributes } from "../../xlsx/xml-text.js";

/**
 * Cells written in red near the top of an .xlsx sheet: many forms mark their required columns
 * so (「红色字段为必填字段」). The engine's grid carries no fonts, so a host that holds the file
 * (the CLI, web mode) reads them here from the package's XML (styles, shared strings with red
 * runs, the first rows of the sheet); Excel's adapter reads them with Office.js. 0-based rows and
 * columns, as the grid's. Anything it cannot read gives no red cells, never an error.
 */
const SEARCH_ROWS = 30;
const decoder = new TextDecoder();
/** Indexed colours 2 and 10 are red in Excel's default palette. */
const RED_INDEXED = new Set(["2", "10"]);

function redColor(xml: string): boolean {
  const color = findElements(xml, "color")[0]?.attrs;
  if (!color) return false;
  if (color.indexed !== undefined) return RED_INDEXED.has(color.indexed);
  const rgb = color.rgb;
  if (!rgb || !/^[0-9a-f]{6,8}$/i.test(rgb)) return false;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(rgb.slice(-6).slice(i, i + 2), 16)) as [number, number, number];
  return r >= 0xb0 && g <= 0x60 && b <= 0x60;
}

function block(xml: string, name: string): string {
  const m = new RegExp(`<(?:[\\w.-]+:)?${name}[\\s>][\\s\\S]*?</(?:[\\w.-]+:)?${name}>`).exec(xml);
  return m?.[0] ?? "";
}

/** Style index → whether its font is red. */
function redStyles(stylesXml: string): boolean[] {
  const fonts = findElements(block(stylesXml, "fonts"), "font").map((f) => redColor(f.inner));
  return findElements(block(stylesXml, "cellXfs"), "xf").map((xf) => fonts[Number(xf.attrs.fontId ?? 0)] ?? false);
}

/** Shared string index → whether a visible run of it is red (a star alone does not count). */
function redStrings(sstXml: string): boolean[] {
  return findElements(sstXml, "si").map((si) =>
    findElements(si.inner, "r").some((run) => {
      const text = findElements(run.inner, "t").map((t) => t.inner).join("").trim();
      return text !== "" && text !== "*" && redColor(block(run.inner, "rPr"));
    }),
  );
}

export function redHeaderCells(xlsx: Uint8Array, sheetName: string): { row: number; col: number }[] {
  try {
    const parts = unzipGuarded(xlsx, DEFAULT_READ_LIMITS);
    const layout = readPackageLayout(parts);
    const sheetPath = layout.sheetParts.get(sheetName);
    const sheet = sheetPath ? getPart(parts, sheetPath) : undefined;
    if (!sheet) return [];
    const text = (p: string) => {
      const b = getPart(parts, p);
      return b ? decoder.decode(b) : "";
    };
    const styles = redStyles(text("xl/styles.xml"));
    const strings = redStrings(text("xl/sharedStrings.xml"));
    const xml = decoder.decode(sheet);
    const out: { row: number; col: number }[] = [];
    const rowRe = /<(?:[\w.-]+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?row>)/g;
    for (let m = rowRe.exec(xml), n = 0; m && n < SEARCH_ROWS; m = rowRe.exec(xml), n++) {
      const r = Number(parseAttributes(m[1] ?? "").r);
      if (r > SEARCH_ROWS) break;
      for (const c of findElements(m[2] ?? "", "c")) {
        const at = c.attrs.r ? parseA1(c.attrs.r) : null;
        if (!at || !/<(?:[\w.-]+:)?(?:v|is)\b/.test(c.inner)) continue;
        const shared = c.attrs.t === "s" ? strings[Number(findElements(c.inner, "v")[0]?.inner ?? -1)] : false;
        if (styles[Number(c.attrs.s ?? 0)] || shared) out.push({ row: at.row, col: at.col });
      }
    }
    return out;
  } catch {
    return [];
  }
}
