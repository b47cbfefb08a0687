import { readErrors } from "./errors.js";
import { decodeXmlEntities, findElements } from "./xml-text.js";

/** Where each sheet's XML lives and what the workbook's defined names say. */
export interface PackageLayout {
  workbookPath: string;
  /** Sheet name → part path (e.g. "xl/worksheets/sheet1.xml"), in workbook order. */
  sheetParts: Map<string, string>;
  /** Every sheet the workbook lists, in order, with its part (null when the workbook names none) and whether it is hidden. */
  sheets: { name: string; path: string | null; hidden: boolean }[];
  definedNames: DefinedName[];
  /** The workbook counts dates from 1904 (old Mac Excel). */
  date1904: boolean;
  /** The styles and shared strings parts, where the workbook has them. */
  stylesPath: string | null;
  sharedStringsPath: string | null;
}

/** Read access to a package's parts: what readPackageLayout needs, from a Map or a lazily inflated zip. */
export interface PartSource {
  text(path: string): string | null;
  names(): string[];
}

/** A Map of parts as a PartSource. */
export function partsOf(parts: Map<string, Uint8Array>): PartSource {
  return { text: (path) => partText(parts, path), names: () => [...parts.keys()] };
}

export interface DefinedName {
  name: string;
  /** The formula text, e.g. "Sheet2!$A$1:$A$9". */
  ref: string;
  /** Index of the sheet the name is local to, or null for a workbook-wide name. */
  localSheet: number | null;
}

const decoder = new TextDecoder();

function partText(parts: Map<string, Uint8Array>, path: string): string | null {
  const hit = parts.get(path) ?? findCaseInsensitive(parts, path);
  return hit ? decoder.decode(hit) : null;
}

// Part names are case-insensitive in OPC; writers disagree on case.
function findCaseInsensitive(parts: Map<string, Uint8Array>, path: string): Uint8Array | undefined {
  const want = path.toLowerCase();
  for (const [k, v] of parts) if (k.toLowerCase() === want) return v;
  return undefined;
}

/** Resolves a relationship target against the folder of the part that owns the rels file. */
export function resolvePartPath(baseDir: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const out = baseDir ? baseDir.split("/") : [];
  for (const seg of target.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

interface Rel {
  target: string;
  type: string;
}

function relsOf(parts: PartSource, partPath: string): Map<string, Rel> {
  const slash = partPath.lastIndexOf("/");
  const dir = slash < 0 ? "" : partPath.slice(0, slash);
  const file = partPath.slice(slash + 1);
  const xml = parts.text(`${dir ? `${dir}/` : ""}_rels/${file}.rels`);
  const map = new Map<string, Rel>();
  if (!xml) return map;
  for (const rel of findElements(xml, "Relationship")) {
    const { Id, Target, TargetMode, Type } = rel.attrs;
    if (Id && Target && TargetMode !== "External") map.set(Id, { target: resolvePartPath(dir, Target), type: Type ?? "" });
  }
  return map;
}

function describeOtherZip(parts: PartSource): string | null {
  const names = parts.names().map((k) => k.toLowerCase());
  if (names.includes("xl/workbook.bin")) return ".xlsb";
  if (names.includes("word/document.xml")) return "Word .docx";
  if (names.includes("ppt/presentation.xml")) return "PowerPoint .pptx";
  if (names.includes("content.xml") || names.includes("meta-inf/manifest.xml")) return "OpenDocument .ods";
  if (names.includes("index/document.iwa")) return "Numbers";
  return null;
}

export function readPackageLayout(input: Map<string, Uint8Array> | PartSource): PackageLayout {
  const parts = input instanceof Map ? partsOf(input) : input;
  const rootRels = relsOf(parts, "");
  const lowerNames = new Set(parts.names().map((n) => n.toLowerCase()));
  const workbookPath =
    [...rootRels.values()].map((r) => r.target).find((p) => /(^|\/)workbook\.xml$/i.test(p)) ??
    (lowerNames.has("xl/workbook.xml") ? "xl/workbook.xml" : null);
  const workbookXml = workbookPath ? parts.text(workbookPath) : null;
  if (!workbookPath || !workbookXml) throw readErrors.zipNotWorkbook(describeOtherZip(parts));

  const rels = relsOf(parts, workbookPath);
  const sheetParts = new Map<string, string>();
  const sheets: PackageLayout["sheets"] = [];
  for (const sheet of findElements(workbookXml, "sheet")) {
    const rid = sheet.attrs["r:id"] ?? Object.entries(sheet.attrs).find(([k]) => k.endsWith(":id"))?.[1];
    const path = rid ? rels.get(rid)?.target : undefined;
    const name = sheet.attrs.name;
    if (!name) continue;
    if (path) sheetParts.set(name, path);
    sheets.push({ name, path: path ?? null, hidden: sheet.attrs.state === "hidden" || sheet.attrs.state === "veryHidden" });
  }
  const definedNames = findElements(workbookXml, "definedName").map((d) => ({
    name: d.attrs.name ?? "",
    ref: decodeXmlEntities(d.inner),
    localSheet: d.attrs.localSheetId !== undefined ? Number(d.attrs.localSheetId) : null,
  }));
  const pr = findElements(workbookXml, "workbookPr")[0];
  const date1904 = pr?.attrs.date1904 === "1" || pr?.attrs.date1904 === "true";
  const byType = (suffix: string, fallback: string) => {
    const hit = [...rels.values()].find((r) => r.type.endsWith(suffix))?.target;
    if (hit) return hit;
    const dir = workbookPath.includes("/") ? workbookPath.slice(0, workbookPath.lastIndexOf("/") + 1) : "";
    return lowerNames.has(`${dir}${fallback}`.toLowerCase()) ? `${dir}${fallback}` : null;
  };
  return { workbookPath, sheetParts, sheets, definedNames, date1904, stylesPath: byType("/styles", "styles.xml"), sharedStringsPath: byType("/sharedStrings", "sharedStrings.xml") };
}

export function getPart(parts: Map<string, Uint8Array>, path: string): Uint8Array | undefined {
  return parts.get(path) ?? findCaseInsensitive(parts, path);
}
