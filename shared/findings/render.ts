import type { Lang } from "./types.js";
import { MESSAGES } from "./messages.js";

/** A message template split once into text and {placeholder} parts: a sheet may have thousands of findings. */
type Compiled = (string | { key: string })[];
const compiled = new Map<string, Compiled>();

function compile(template: string): Compiled {
  const parts: Compiled = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    parts.push(template.slice(last, m.index), { key: m[1]! });
    last = m.index + m[0].length;
  }
  parts.push(template.slice(last));
  return parts;
}

/** Fill a catalogue message's {placeholders}; an unknown code still says something useful. */
export function renderMessage(code: string, lang: Lang, args: Record<string, string | number> = {}): string {
  const entry = MESSAGES[code];
  if (!entry) return `${code} ${JSON.stringify(args)}`;
  const cacheKey = `${lang}:${code}`;
  let parts = compiled.get(cacheKey);
  if (!parts) {
    parts = compile(entry[lang]);
    compiled.set(cacheKey, parts);
  }
  let out = "";
  for (const p of parts) out += typeof p === "string" ? p : p.key in args ? String(args[p.key]) : `{${p.key}}`;
  return out;
}
