import type { CheckOptions } from "../shared/check/options.js";
import type { Lang } from "../shared/findings/types.js";
import { annotatedPath, holdsInputs, writeAnnotated } from "./annotate/write-annotated.js";
import { checkFile, checkFilesAsBook, readInput } from "./check-file.js";
import { collectFiles, type SkippedFile } from "./collect-files.js";
import { describeSource } from "../shared/reader/describe-source.js";
import { exitCodeFor } from "./exit-code.js";
import type { Io } from "./io.js";
import { toJsonReport } from "./format-json.js";
import { prettyJsonPieces } from "./json-pieces.js";
import { formatReportText } from "./format-text.js";
import { formatMultiFileSummary } from "./format-files.js";
import { cliText } from "./messages.js";
import { parseCheckOptions, type RawCheckOptions } from "./options.js";
import { reasonIn, type FileOutcome } from "./outcome.js";
import { startProgress } from "./progress.js";
import { loadMappingFile, loadRulesFile } from "./rules-file.js";
import { resolve } from "node:path";
import { UsageError } from "./options.js";


/** `party-ledger check`: returns the exit code (0 clean, 1 errors found, 2 unreadable input, 3 some input had no sheet checked). */
export async function runCheck(inputs: string[], raw: RawCheckOptions, io: Io): Promise<number> {
  const opts = parseCheckOptions(raw);
  const lang: Lang = opts.lang;
  const t = cliText(lang);
  const engineOpts: CheckOptions = { lang };
  if (opts.asOf) engineOpts.asOf = opts.asOf;
  if (opts.template) engineOpts.template = opts.template;
  if (opts.rulesFile) engineOpts.ruleSet = await loadRulesFile(opts.rulesFile, lang);
  if (opts.mappingFile) engineOpts.mapping = await loadMappingFile(opts.mappingFile, lang);

  const collected = await collectFiles(inputs);
  for (const p of collected.missing) io.err(`party-ledger: ${t.notFound(p)}`);
  for (const p of collected.emptyFolders) io.err(`party-ledger: ${t.noXlsxFound(p)}`);
  const several = collected.files.length > 1 || collected.sawFolder;
  const inputPaths = new Set(collected.files.map((f) => resolve(f)));
  if (opts.annotateDir && !opts.annotateInInputFolder) {
    const inside = holdsInputs(opts.annotateDir, collected.files);
    if (inside) throw new UsageError(t.annotateDirHoldsInputs(opts.annotateDir, inside));
  }
  let annotateFailures = 0;

  const outcomes: FileOutcome[] = [];
  const taken = new Set<string>();
  const progress = startProgress(collected.files.length, collected.sawFolder);
  // --book: read every file first, then check them together; otherwise file by file.
  const bookChecked = new Map<string, { outcome: FileOutcome; bytes?: Uint8Array }>();
  if (opts.book) {
    const inputs = await Promise.all(collected.files.map(readInput));
    const readable = inputs.filter((i): i is Extract<typeof i, { ok: true }> => i.ok);
    const checked = checkFilesAsBook(readable, engineOpts);
    readable.forEach((r, k) => bookChecked.set(r.file, { outcome: checked[k]!, bytes: r.bytes }));
    for (const i of inputs) if (!i.ok) bookChecked.set(i.outcome.file, { outcome: i.outcome });
  }
  for (const file of collected.files) {
    const { outcome, bytes } = bookChecked.get(file) ?? (await checkFile(file, engineOpts, opts.annotateDir !== undefined));
    outcomes.push(outcome);
    progress.tick(file);
    if (!outcome.ok) continue;
    if (opts.annotateDir && bytes && outcome.source && outcome.source.format !== "xlsx") {
      // ExcelJS writes the annotated copy over the clerk's own .xlsx; other formats are said so, not skipped silently.
      io.err(`party-ledger: ${t.annotateNeedsXlsx(file)}`);
    } else if (opts.annotateDir && bytes) {
      try {
        const path = await annotatedPath(opts.annotateDir, file, taken, inputPaths);
        // ExcelJS is heavy: only runs that annotate load it.
        const { annotateWorkbook } = await import("../shared/export/annotate-workbook.js");
        await writeAnnotated(path, await annotateWorkbook(bytes, outcome.report, lang));
        if (opts.format === "text") io.err(t.annotated(path));
      } catch (err) {
        annotateFailures++;
        io.err(`party-ledger: ${t.annotateFailed(file, err instanceof Error ? err.message : String(err))}`);
      }
    }
  }
  progress.stop();

  for (const o of outcomes) if (!o.ok) io.err(`party-ledger: ${o.file}: ${reasonIn(o, lang)}`);

  if (opts.format === "json") {
    // Written in pieces: the same text as JSON.stringify(report, null, 2), never one huge string.
    for (const piece of prettyJsonPieces(toJsonReport(outcomes, several, collected.skipped))) io.write(piece);
    io.out("");
  }
  else {
    const text = formatText(outcomes, several, lang, collected.skipped);
    if (text) io.out(text);
  }

  const missingInput = collected.missing.length > 0 || collected.emptyFolders.length > 0;
  // A copy that could not be written is output lost: exit 2, as for input that could not be read.
  return missingInput || annotateFailures > 0 ? 2 : exitCodeFor(outcomes);
}

function formatText(outcomes: FileOutcome[], several: boolean, lang: Lang, skipped: readonly SkippedFile[]): string {
  const t = cliText(lang);
  const blocks: string[] = [];
  for (const o of outcomes) {
    if (!o.ok) {
      if (several) blocks.push(`== ${o.file} ==\n${t.unreadable}${lang === "zh" ? "：" : ": "}${reasonIn(o, lang)}`);
      continue;
    }
    // An .xlsx goes without saying; any other format says what was read (CSV: encoding and delimiter).
    const readAs = o.source && (o.source.format !== "xlsx" || o.source.namedAs) ? `${t.readAs(describeSource(o.source, lang))}\n` : "";
    const body = readAs + formatReportText(o.report, lang);
    blocks.push(several ? `== ${o.file} ==\n${body}` : body);
  }
  if (several) blocks.push(formatMultiFileSummary(outcomes, lang, skipped));
  return blocks.join("\n\n");
}
