/**
 * A leading apostrophe (ASCII or a typographic quote) and leading white space (a tab) are how a
 * clerk, or a system's export, keeps an ID, a code or a date as text in Excel ('510104…, \t4401…).
 * They are not part of the value: readers of IDs and dates look through them.
 */
const TEXT_MARK = /^[\s\u00a0\u3000]*['‘’`][\s\u00a0]*/;

/** The text without its keep-as-text mark; the text itself when it has none. */
export function withoutTextMark(text: string): string {
  const c = text.charCodeAt(0);
  // Most cells start with a digit, a letter or a Chinese character: no copy, no regular expression.
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c >= 0x3400) return text;
  return text.replace(TEXT_MARK, "");
}

/** Whether the text starts with a keep-as-text apostrophe. */
export function hasTextMark(text: string): boolean {
  return TEXT_MARK.test(text);
}
