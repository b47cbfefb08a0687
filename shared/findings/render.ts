import type { Lang } from "./types.js";
import { MESSAGES } from "./messages.js";

/** Fill a catalogue message's {placeholders}; an unknown code still says something useful. */
export function renderMessage(code: string, lang: Lang, args: Record<string, string | number> = {}): string {
  const entry = MESSAGES[code];
  const template = entry ? entry[lang] : `${code} ${JSON.stringify(args)}`;
  return template.replace(/\{(\w+)\}/g, (_, key: string) => (key in args ? String(args[key]) : `{${key}}`));
}
