/**
 * ExcelJS 4.4.0 expands every data validation into one entry per cell: a drop-down on
 * C2:C1048576 becomes a million objects (seconds and ~700 MB to load and write one of
 * our samples). So the annotator lifts the validations out of the sheet XML before
 * ExcelJS sees it and puts the original XML back into what ExcelJS writes.
 */
export interface StashedValidations {
  /** The classic `<dataValidations>` element, verbatim. */
  main: string | null;
  /** Excel 2010 `<ext>` elements in extLst holding `x14:dataValidations`, verbatim. */
  exts: string[];
  /** Namespace declarations of the original root element, for prefixes the exts use. */
  rootNamespaces: Record<string, string>;
}

const MAIN_RE = /<(?!x14:)(?:[\w.-]+:)?dataValidations\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?dataValidations>)/;
const EXT_RE = /<(?:[\w.-]+:)?ext\b[^>]*>[\s\S]*?<\/(?:[\w.-]+:)?ext>/g;

function rootNamespacesOf(xml: string): Record<string, string> {
  const root = /<(?:[\w.-]+:)?worksheet\b([^>]*)>/.exec(xml)?.[1] ?? "";
  const out: Record<string, string> = {};
  for (const m of root.matchAll(/xmlns:([\w.-]+)\s*=\s*"([^"]*)"/g)) out[m[1]!] = m[2]!;
  return out;
}

export function stashValidations(xml: string): { xml: string; stash: StashedValidations } {
  const stash: StashedValidations = { main: null, exts: [], rootNamespaces: rootNamespacesOf(xml) };
  let out = xml.replace(MAIN_RE, (m) => {
    stash.main = m;
    return "";
  });
  out = out.replace(EXT_RE, (m) => {
    if (!/dataValidations\b/.test(m)) return m;
    stash.exts.push(m);
    return "";
  });
  return { xml: out, stash };
}

// CT_Worksheet element order: dataValidations comes before all of these.
const AFTER_VALIDATIONS = [
  "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
  "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing",
  "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
];

function insertBeforeFirst(xml: string, tags: string[], insert: string): string {
  let at = -1;
  for (const tag of tags) {
    const m = new RegExp(`<${tag}[\\s/>]`).exec(xml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = xml.lastIndexOf("</worksheet>");
  return at < 0 ? xml : xml.slice(0, at) + insert + xml.slice(at);
}

/** Declares on the fragment's first element any prefix it uses that the original root declared (e.g. xr:uid). */
function withNamespaces(fragment: string, ns: Record<string, string>): string {
  const extra = Object.entries(ns)
    .filter(([p]) => new RegExp(`[<\\s/]${p}:`).test(fragment) && !fragment.includes(`xmlns:${p}=`))
    .map(([p, uri]) => ` xmlns:${p}="${uri}"`)
    .join("");
  return extra ? fragment.replace(/^<([\w.:-]+)/, `<$1${extra}`) : fragment;
}

export function restoreValidations(xml: string, stash: StashedValidations): string {
  let out = xml;
  if (stash.main && !/<dataValidations\b/.test(out)) out = insertBeforeFirst(out, AFTER_VALIDATIONS, withNamespaces(stash.main, stash.rootNamespaces));
  if (stash.exts.length > 0) {
    const exts = stash.exts.map((e) => withNamespaces(e, stash.rootNamespaces)).join("");
    const close = out.lastIndexOf("</extLst>");
    if (close >= 0) out = out.slice(0, close) + exts + out.slice(close);
    else out = insertBeforeFirst(out, [], `<extLst>${exts}</extLst>`);
  }
  return out;
}

export function isEmptyStash(s: StashedValidations): boolean {
  return s.main === null && s.exts.length === 0;
}
