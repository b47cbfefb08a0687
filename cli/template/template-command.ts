import { existsSync } from "node:fs";
import { readFile, rename, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Lang } from "../../shared/findings/types.js";
import { kindLabel } from "../../shared/findings/summary.js";
import { readWorkbookFile } from "../../shared/reader/index.js";
import { BUILTIN_TEMPLATES } from "../../shared/template/builtin/index.js";
import { inferTemplate, InferError } from "../../shared/template/infer/infer-template.js";
import { redHeaderCells } from "../../shared/template/infer/red-headers.js";
import { Template, type TemplateParsed } from "../../shared/template/schema.js";
import type { Io } from "../io.js";
import { nodeInflateRaw } from "../node-inflate.js";
import { parseLang, parseTemplateOption, UsageError } from "../options.js";
import { templateText } from "./messages.js";
import { workerCall } from "./worker-call.js";

/**
 * `party-ledger template infer|publish|xlsx`: a department's form → a template (JSON on stdout),
 * that template → a new version on the Worker, and a template version → the Excel form to hand
 * out (built-in ones offline, published ones fetched from the Worker).
 */
export async function inferCommand(file: string, opts: { sheet?: string; id?: string; title?: string; lang?: string }, io: Io): Promise<number> {
  const lang = parseLang(opts.lang);
  const t = templateText(lang);
  const bytes = new Uint8Array(await readFile(file));
  const wb = readWorkbookFile(bytes, { fileName: file, inflateRaw: nodeInflateRaw });
  const sheet = opts.sheet ? wb.sheets.find((s) => s.name === opts.sheet) : wb.sheets.find((s) => !s.hidden);
  if (!sheet) throw new UsageError(opts.sheet ? t.noSheet(opts.sheet, wb.sheets.map((s) => s.name)) : t.noVisibleSheet);
  // Red headers mark required columns in many forms: read from the .xlsx itself (other formats carry no fonts here).
  const redCells = wb.source?.format === "xlsx" || !wb.source ? redHeaderCells(bytes, sheet.name) : [];
  try {
    const r = inferTemplate(sheet, { fileName: basename(file), redCells, ...(opts.id ? { id: opts.id } : {}), ...(opts.title ? { title: opts.title } : {}) });
    io.out(JSON.stringify(r.template, null, 2));
    const known = r.columns.filter((c) => c.known).length;
    const required = r.columns.filter((c) => c.required.length).length;
    io.err(t.inferred(sheet.name, r.headerRows.last, r.template.id, r.columns.length, known, required));
    if (r.ledger) io.err(t.ledger(kindLabel(r.ledger.kind, lang)));
    return 0;
  } catch (e) {
    if (e instanceof InferError) throw new UsageError(lang === "en" ? e.messageEn : e.messageZh);
    throw e;
  }
}

async function readTemplateFile(file: string, lang: Lang): Promise<TemplateParsed> {
  const t = templateText(lang);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch (err) {
    throw new UsageError(t.badTemplateFile(file, err instanceof Error ? err.message : String(err)));
  }
  const parsed = Template.safeParse(json);
  if (!parsed.success) throw new UsageError(t.badTemplateFile(file, parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")));
  return parsed.data;
}

export async function publishCommand(file: string, opts: { to?: string; token?: string; lang?: string }, io: Io): Promise<number> {
  const lang = parseLang(opts.lang);
  const t = templateText(lang);
  if (!opts.to || !opts.token) throw new UsageError(t.needUrl);
  const template = await readTemplateFile(file, lang);
  const res = await workerCall(opts.to, "/v1/templates", opts.token, lang, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(template) });
  const info = (await res.json()) as { id: string; version: number };
  io.out(JSON.stringify(info, null, 2));
  io.err(res.status === 201 ? t.published(info.id, info.version) : t.unchanged(info.id, info.version));
  return 0;
}

async function templateOf(ref: string, opts: { from?: string; token?: string }, lang: Lang): Promise<TemplateParsed> {
  const t = templateText(lang);
  if (/\.json$/i.test(ref) || existsSync(ref)) return readTemplateFile(ref, lang);
  let wanted: { id: string; version?: number };
  try {
    wanted = parseTemplateOption(ref, lang);
  } catch {
    throw new UsageError(t.badRef(ref));
  }
  if (opts.from) {
    if (!opts.token) throw new UsageError(t.needFrom(ref));
    const res = await workerCall(opts.from, `/v1/templates/${wanted.id}${wanted.version ? `@${wanted.version}` : ""}`, opts.token, lang);
    return Template.parse(((await res.json()) as { template: unknown }).template);
  }
  const builtin = BUILTIN_TEMPLATES.filter((x) => x.id === wanted.id && (wanted.version === undefined || x.version === wanted.version)).sort((a, b) => b.version - a.version)[0];
  if (!builtin) throw new UsageError(t.needFrom(ref));
  return builtin;
}

export async function xlsxCommand(ref: string, opts: { from?: string; token?: string; output?: string; lang?: string }, io: Io): Promise<number> {
  const lang = parseLang(opts.lang);
  const t = templateText(lang);
  if (!opts.output && !io.bytes) throw new UsageError(t.notTty);
  const template = await templateOf(ref, opts, lang);
  // ExcelJS is heavy: only this command loads it.
  const { formWorkbook } = await import("../../shared/template/form-workbook.js");
  const bytes = await formWorkbook(template, { lang });
  if (opts.output) {
    if (existsSync(opts.output)) throw new UsageError(t.exists(opts.output));
    // Written whole under a temporary name, then given its own: never a half-written form.
    const tmp = join(dirname(opts.output), `.${basename(opts.output)}.${process.pid}.tmp`);
    await writeFile(tmp, bytes, { flag: "wx" });
    await rename(tmp, opts.output);
    io.err(t.written(opts.output));
  } else io.bytes!(bytes);
  return 0;
}
