/**
 * Which delimiter a CSV uses. Papa Parse's own guess averages field counts and drops a
 * delimiter when a short file ends in a blank line, so the guess is made here, on the first
 * lines that hold anything: the delimiter found the same number of times on most lines
 * (outside quotes) wins; a file with none of them is one column, read with a comma.
 */
const CANDIDATES = [",", "\t", ";", "|"] as const;
const SAMPLE_LINES = 50;

/** Occurrences of each candidate on each of the first non-empty lines, quotes respected. */
function countsPerLine(text: string): number[][] {
  const lines: number[][] = [];
  let counts = CANDIDATES.map(() => 0);
  let quoted = false;
  let filled = false;
  for (let i = 0; i < text.length && lines.length < SAMPLE_LINES; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) {
      if (filled) lines.push(counts);
      counts = CANDIDATES.map(() => 0);
      filled = false;
      continue;
    } else if (!quoted) {
      const k = CANDIDATES.indexOf(ch as (typeof CANDIDATES)[number]);
      if (k >= 0) counts[k]!++;
    }
    if (ch.trim() !== "") filled = true;
  }
  if (filled && lines.length < SAMPLE_LINES) lines.push(counts);
  return lines;
}

export function guessDelimiter(text: string): string {
  const lines = countsPerLine(text);
  let best: string = CANDIDATES[0];
  let bestScore = 0;
  CANDIDATES.forEach((d, k) => {
    const tally = new Map<number, number>();
    for (const line of lines) if (line[k]! > 0) tally.set(line[k]!, (tally.get(line[k]!) ?? 0) + 1);
    // Lines agreeing on the most common count; more fields per line breaks a tie.
    let score = 0;
    for (const [count, lineCount] of tally) score = Math.max(score, lineCount * 1000 + count);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  });
  return best;
}
