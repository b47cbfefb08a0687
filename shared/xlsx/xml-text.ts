/**
 * Just enough XML for the small package parts read whole (workbook sheet list,
 * relationships, defined names, data validations). Regexes over small strings, with a
 * namespace prefix allowed on every element name.
 */

const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeXmlEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e.startsWith("#x")) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith("#")) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITY[e] ?? "";
  });
}

/** Attributes of one start tag's attribute text; keys keep their prefix ("r:id"). */
export function parseAttributes(attrText: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of attrText.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out[m[1]!] = decodeXmlEntities(m[2] ?? m[3] ?? "");
  }
  return out;
}

/** Every element `<[p:]name …>…</[p:]name>` or `<[p:]name …/>`: its attributes and inner text. */
export function findElements(xml: string, name: string): { attrs: Record<string, string>; inner: string }[] {
  const re = new RegExp(`<(?:[\\w.-]+:)?${name}(\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}\\s*>)`, "g");
  return [...xml.matchAll(re)].map((m) => ({ attrs: parseAttributes(m[1] ?? ""), inner: m[2] ?? "" }));
}

/** The decoded text of the first `<[p:]name>` child, or null. */
export function childText(xml: string, name: string): string | null {
  const el = findElements(xml, name)[0];
  return el ? decodeXmlEntities(el.inner) : null;
}
