import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readPackageLayout } from "../xlsx/package-parts.js";

/**
 * A native Excel clustered-column chart added to a written .xlsx as its own parts (ExcelJS
 * writes no charts): xl/charts/chartN.xml, a drawing that anchors it on the sheet, their
 * relationships and content types. The series point at the sheet's cells, with cached values
 * so any reader shows the chart before recalculating.
 */
export interface ColumnChart {
  sheet: string;
  title: string;
  /** Category labels (first column) and their A1 range, e.g. "A2:A4". */
  categories: { range: string; labels: string[] };
  /** One bar per category and series: the header cell naming it and the range of its values. */
  series: { name: string; nameCell: string; range: string; values: number[] }[];
  /** Where the chart sits: 0-based top-left cell and its size in cells. */
  anchor: { col: number; row: number; cols: number; rows: number };
}

const NS = {
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
};
const TYPE = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
};

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
/** 'Sheet'!$A$2:$A$4 */
function absolute(sheet: string, range: string): string {
  const abs = range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  return `'${sheet.replace(/'/g, "''")}'!${abs}`;
}

function strCache(values: string[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${esc(v)}</c:v></c:pt>`).join("")}</c:strCache>`;
}

function chartXml(c: ColumnChart): string {
  const series = c.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${esc(absolute(c.sheet, s.nameCell))}</c:f>${strCache([s.name])}</c:strRef></c:tx>` +
        `<c:invertIfNegative val="0"/>` +
        `<c:cat><c:strRef><c:f>${esc(absolute(c.sheet, c.categories.range))}</c:f>${strCache(c.categories.labels)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${esc(absolute(c.sheet, s.range))}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${s.values.length}"/>` +
        s.values.map((v, k) => `<c:pt idx="${k}"><c:v>${v}</c:v></c:pt>`).join("") +
        `</c:numCache></c:numRef></c:val></c:ser>`,
    )
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${esc(c.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="150"/><c:axId val="50010"/><c:axId val="50020"/></c:barChart>` +
    `<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
    `<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function drawingXml(c: ColumnChart, chartRid: string): string {
  const { col, row, cols, rows } = c.anchor;
  const at = (x: number, y: number) => `<xdr:col>${x}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${y}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}"><xdr:twoCellAnchor>` +
    `<xdr:from>${at(col, row)}</xdr:from><xdr:to>${at(col + cols, row + rows)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.chart}"><c:chart xmlns:c="${NS.chart}" xmlns:r="${NS.r}" r:id="${chartRid}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

const rels = (items: { id: string; type: string; target: string }[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rels}">` +
  items.map((i) => `<Relationship Id="${i.id}" Type="${NS.r}/${i.type}" Target="${i.target}"/>`).join("") +
  `</Relationships>`;

function freeName(parts: Record<string, Uint8Array>, make: (n: number) => string): string {
  for (let n = 1; ; n++) if (!(make(n) in parts)) return make(n);
}

// CT_Worksheet order: <drawing> comes before these.
const AFTER_DRAWING = ["legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

function withDrawing(sheetXml: string, rid: string): string {
  if (/<drawing\b/.test(sheetXml)) throw new Error("the sheet already has a drawing");
  const rootDeclaresR = new RegExp(`<(?:\\w+:)?worksheet\\b[^>]*xmlns:r="${NS.r}"`).test(sheetXml);
  const el = `<drawing${rootDeclaresR ? "" : ` xmlns:r="${NS.r}"`} r:id="${rid}"/>`;
  let at = -1;
  for (const tag of AFTER_DRAWING) {
    const m = new RegExp(`<${tag}[\\s/>]`).exec(sheetXml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = sheetXml.lastIndexOf("</worksheet>");
  return sheetXml.slice(0, at) + el + sheetXml.slice(at);
}

/** The package with the chart added on its sheet. */
export function addColumnChart(xlsx: Uint8Array, chart: ColumnChart): Uint8Array {
  const parts = unzipSync(xlsx);
  const sheetPath = readPackageLayout(new Map(Object.entries(parts))).sheetParts.get(chart.sheet);
  if (!sheetPath || !parts[sheetPath]) throw new Error(`no sheet named ${chart.sheet}`);
  const chartPath = freeName(parts, (n) => `xl/charts/chart${n}.xml`);
  const drawingPath = freeName(parts, (n) => `xl/drawings/drawing${n}.xml`);
  const drawingFile = drawingPath.slice(drawingPath.lastIndexOf("/") + 1);
  const chartFile = chartPath.slice(chartPath.lastIndexOf("/") + 1);

  parts[chartPath] = strToU8(chartXml(chart));
  parts[drawingPath] = strToU8(drawingXml(chart, "rId1"));
  parts[`xl/drawings/_rels/${drawingFile}.rels`] = strToU8(rels([{ id: "rId1", type: "chart", target: `../charts/${chartFile}` }]));

  // The sheet's relationships: append one to the drawing under an unused id.
  const slash = sheetPath.lastIndexOf("/");
  const sheetRels = `${sheetPath.slice(0, slash)}/_rels/${sheetPath.slice(slash + 1)}.rels`;
  const existing = parts[sheetRels] ? strFromU8(parts[sheetRels]) : null;
  const used = new Set([...(existing ?? "").matchAll(/Id="([^"]+)"/g)].map((m) => m[1]!));
  let n = 1;
  while (used.has(`rId${n}`)) n++;
  const rid = `rId${n}`;
  const rel = `<Relationship Id="${rid}" Type="${NS.r}/drawing" Target="../drawings/${drawingFile}"/>`;
  parts[sheetRels] = strToU8(existing ? existing.replace("</Relationships>", `${rel}</Relationships>`) : rels([{ id: rid, type: "drawing", target: `../drawings/${drawingFile}` }]));
  parts[sheetPath] = strToU8(withDrawing(strFromU8(parts[sheetPath]), rid));

  const types = strFromU8(parts["[Content_Types].xml"]!);
  const overrides = `<Override PartName="/${drawingPath}" ContentType="${TYPE.drawing}"/><Override PartName="/${chartPath}" ContentType="${TYPE.chart}"/>`;
  parts["[Content_Types].xml"] = strToU8(types.replace("</Types>", `${overrides}</Types>`));
  return zipSync(parts, { level: 6 });
}
