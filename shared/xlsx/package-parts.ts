import { readErrors } from "./errors.js";
import { decodeXmlEntities, findElements } from "./xml-text.js";

/** Where each sheet's XML lives and what the workbook's defined names say. */
export interface PackageLayout {
  workbookPath: string;
  /** Sheet name → part path (e.g. "xl/worksheets/sheet1.xml"), in workbook order. */
  sheetParts: Map<string, string>;
  definedNames: DefinedName[];
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

function relsOf(parts: Map<string, Uint8Array>, partPath: string): Map<string, string> {
  const slash = partPath.lastIndexOf("/");
  const dir = slash < 0 ? "" : partPath.slice(0, slash);
  const file = partPath.slice(slash + 1);
  const xml = partText(parts, `${dir ? `${dir}/` : ""}_rels/${file}.rels`);
  const map = new Map<string, string>();
  if (!xml) return map;
  for (const rel of findElements(xml, "Relationship")) {
    const { Id, Target, TargetMode } = rel.attrs;
    if (Id && Target && TargetMode !== "External") map.set(Id, resolvePartPath(dir, Target));
  }
  return map;
}

function describeOtherZip(parts: Map<string, Uint8Array>): string | null {
  const names = [...parts.keys()].map((k) => k.toLowerCase());
  if (names.includes("xl/workbook.bin")) return ".xlsb";
  if (names.includes("word/document.xml")) return "Word .docx";
  if (names.includes("ppt/presentation.xml")) return "PowerPoint .pptx";
  if (names.includes("content.xml") || names.includes("meta-inf/manifest.xml")) return "OpenDocument .ods";
  if (names.includes("index/document.iwa")) return "Numbers";
  return null;
}

export function readPackageLayout(parts: Map<string, Uint8Array>): PackageLayout {
  const rootRels = relsOf(parts, "");
  const workbookPath =
    [...rootRels.values()].find((p) => /(^|\/)workbook\.xml$/i.test(p)) ??
    (findCaseInsensitive(parts, "xl/workbook.xml") ? "xl/workbook.xml" : null);
  const workbookXml = workbookPath ? partText(parts, workbookPath) : null;
  if (!workbookPath || !workbookXml) throw readErrors.zipNotWorkbook(describeOtherZip(parts));

  const rels = relsOf(parts, workbookPath);
  const sheetParts = new Map<string, string>();
  for (const sheet of findElements(workbookXml, "sheet")) {
    const rid = sheet.attrs["r:id"] ?? Object.entries(sheet.attrs).find(([k]) => k.endsWith(":id"))?.[1];
    const path = rid ? rels.get(rid) : undefined;
    if (sheet.attrs.name && path) sheetParts.set(sheet.attrs.name, path);
  }
  const definedNames = findElements(workbookXml, "definedName").map((d) => ({
    name: d.attrs.name ?? "",
    ref: decodeXmlEntities(d.inner),
    localSheet: d.attrs.localSheetId !== undefined ? Number(d.attrs.localSheetId) : null,
  }));
  return { workbookPath, sheetParts, definedNames };
}

export function getPart(parts: Map<string, Uint8Array>, path: string): Uint8Array | undefined {
  return parts.get(path) ?? findCaseInsensitive(parts, path);
}
