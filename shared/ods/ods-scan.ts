import type { CellRange } from "../grid/types.js";
import { areaText } from "../xls/biff-bytes.js";
import type { DefinedName } from "../xlsx/package-parts.js";
import type { RawListValidation } from "../xlsx/validations-xml.js";
import { parseAttributes } from "../xlsx/xml-text.js";
import { odfListFormula, odfRangeFormula } from "./odf-refs.js";

/**
 * One pass over an OpenDocument spreadsheet's content.xml, over its table tags only,
 * before SheetJS builds anything. SheetJS copies a cell once per repeat
 * (`table:number-rows-repeated` × `number-columns-repeated`), so a few bytes can ask
 * for billions of cells: this counts them first. It also finds what SheetJS leaves out:
 * hidden tables, drop-down lists (content validations) and named ranges.
 */
export interface OdsTable {
  name: string;
  hidden: boolean;
  /** 1-based last row holding a value; 0 when none. */
  lastRow: number;
  /** Value cells once every repeat is spelt out. */
  cells: number;
  validations: RawListValidation[];
}

export interface OdsScan {
  tables: OdsTable[];
  definedNames: DefinedName[];
}

const TAG = /<(\/?)(table:table|table:table-row|table:table-cell|table:covered-table-cell|table:content-validation|table:named-range|style:style|style:table-properties)(?=[\s/>])([^>]*)>/g;

const count = (v: string | undefined) => Math.max(1, Number.parseInt(v ?? "1", 10) || 1);

interface OpenTable {
  name: string;
  style: string;
  lastRow: number;
  cells: number;
  /** Validation name → the cells it covers, merged where runs meet. */
  ranges: Map<string, CellRange[]>;
}

function addRange(list: CellRange[], r: CellRange): void {
  const prev = list[list.length - 1];
  if (prev && prev.c0 === r.c0 && prev.c1 === r.c1 && prev.r1 + 1 === r.r0) prev.r1 = r.r1;
  else list.push(r);
}

export function scanOdsContent(xml: string): OdsScan {
  const hiddenStyles = new Set<string>();
  const conditions = new Map<string, string>();
  const definedNames: DefinedName[] = [];
  const done: OpenTable[] = [];
  let styleName: string | null = null;
  let table: OpenTable | null = null;
  let row = 0;
  let col = 0;
  let rowRepeat = 1;
  let rowHasValue = false;

  for (const m of xml.matchAll(TAG)) {
    const closing = m[1] === "/";
    const tag = m[2]!;
    const attrText = m[3]!;
    const selfClosing = attrText.endsWith("/");
    switch (tag) {
      case "style:style":
        if (closing) styleName = null;
        else {
          const a = parseAttributes(attrText);
          styleName = a["style:family"] === "table" ? (a["style:name"] ?? null) : null;
        }
        break;
      case "style:table-properties":
        if (styleName && /table:display\s*=\s*["']false["']/.test(attrText)) hiddenStyles.add(styleName);
        break;
      case "table:content-validation":
        if (!closing) {
          const a = parseAttributes(attrText);
          if (a["table:name"] && a["table:condition"]) conditions.set(a["table:name"], a["table:condition"]);
        }
        break;
      case "table:named-range":
        if (!closing) {
          const a = parseAttributes(attrText);
          const ref = a["table:cell-range-address"] ? odfRangeFormula(a["table:cell-range-address"]) : null;
          if (a["table:name"] && ref) definedNames.push({ name: a["table:name"], ref, localSheet: null });
        }
        break;
      case "table:table":
        if (closing) {
          if (table) done.push(table);
          table = null;
        } else if (!selfClosing) {
          const a = parseAttributes(attrText);
          table = { name: a["table:name"] ?? `Sheet${done.length + 1}`, style: a["table:style-name"] ?? "", lastRow: 0, cells: 0, ranges: new Map() };
          row = 0;
        }
        break;
      case "table:table-row":
        if (!table) break;
        if (closing) {
          if (rowHasValue) table.lastRow = row + rowRepeat;
          row += rowRepeat;
        } else {
          rowRepeat = count(/table:number-rows-repeated\s*=\s*["'](\d+)/.exec(attrText)?.[1]);
          col = 0;
          rowHasValue = false;
          if (selfClosing) row += rowRepeat;
        }
        break;
      case "table:table-cell":
      case "table:covered-table-cell": {
        if (!table || closing) break;
        const colRepeat = count(/table:number-columns-repeated\s*=\s*["'](\d+)/.exec(attrText)?.[1]);
        // A cell with content, or a typed value, is stored by SheetJS once per repeat.
        if (tag === "table:table-cell" && (!selfClosing || /office:value-type\s*=/.test(attrText))) {
          table.cells += rowRepeat * colRepeat;
          rowHasValue = true;
        }
        const validation = /table:content-validation-name\s*=\s*["']([^"']+)/.exec(attrText)?.[1];
        if (validation) {
          const list = table.ranges.get(validation) ?? [];
          addRange(list, { r0: row, r1: row + rowRepeat - 1, c0: col, c1: col + colRepeat - 1 });
          table.ranges.set(validation, list);
        }
        col += colRepeat;
        break;
      }
    }
  }

  const tables = done.map((t) => ({
    name: t.name,
    hidden: hiddenStyles.has(t.style),
    lastRow: t.lastRow,
    cells: t.cells,
    validations: [...t.ranges].flatMap(([name, ranges]) => {
      const condition = conditions.get(name);
      const formula1 = condition ? odfListFormula(condition) : null;
      return formula1 ? [{ sqref: ranges.map((r) => areaText(r.r0, r.r1, r.c0, r.c1, false)).join(" "), formula1 }] : [];
    }),
  }));
  return { tables, definedNames };
}
