import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { zipBomb } from "../../fixtures/make-bad-corpus.js";
import { truncatedXls } from "../../fixtures/make-format-bad-corpus.js";
import { BRANCH_BOOK_FINDINGS } from "../../fixtures/realistic/branch-book.js";
import { runCli, tempDir, writeCleanWorkbook, writeRosterWithErrors, writeUnrecognisedWorkbook } from "./run-cli.js";

let dir: string;
let roster: string;
let clean: string;
let unrecognised: string;

beforeAll(async () => {
  dir = tempDir();
  roster = join(dir, "花名册.xlsx");
  clean = join(dir, "clean.xlsx");
  unrecognised = join(dir, "杂项.xlsx");
  await writeRosterWithErrors(roster);
  await writeCleanWorkbook(clean);
  await writeUnrecognisedWorkbook(unrecognised);
});

// Each run is a fresh Node process through tsx (~0.5 s idle, several seconds on a busy machine).
describe("party-ledger check", { timeout: 180_000 }, () => {
  it("--help exits 0 and names the command", () => {
    const r = runCli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("check");
    expect(runCli(["check", "--help"]).stdout).toContain("--annotate");
  });

  it("exits 1 on error findings and prints them by sheet in Chinese with a summary", () => {
    const r = runCli(["check", roster, "--as-of", "2025-12-31"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("工作表「花名册」：党员花名册（模板 roster@1）");
    expect(r.stdout).toContain("识别依据：姓名→name(A)");
    expect(r.stdout).toMatch(/✗ 错误 {2}C2 +身份证号码/);
    expect(r.stdout).toMatch(/合计：\d+ 处错误/);
  });

  it("exits 0 on a clean workbook, in English with --lang en", () => {
    const r = runCli(["check", clean, "--lang", "en", "--as-of", "2025-12-31"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Sheet "花名册": member roster (template roster@1)');
    expect(r.stdout).toContain("No problems found");
  });

  it("never calls a file it could not check clean: 未检查 and exit code 3", () => {
    const zh = runCli(["check", unrecognised]);
    expect(zh.code).toBe(3);
    expect(zh.stdout).toContain("工作表「杂项」：未检查");
    expect(zh.stdout).toContain("没有识别出任何台账");
    expect(zh.stdout).not.toContain("未发现问题");
    const en = runCli(["check", unrecognised, "--lang", "en"]);
    expect(en.code).toBe(3);
    expect(en.stdout).not.toMatch(/^No problems found/m);
    const json = JSON.parse(runCli(["check", unrecognised, "--format", "json"]).stdout) as { sheets: { status: string; reason: string }[] };
    expect(json.sheets).toEqual([expect.objectContaining({ status: "unrecognised" })]);
    // Errors elsewhere still win: a batch with an error exits 1 even when another file went unchecked.
    expect(runCli(["check", roster, unrecognised, "--as-of", "2025-12-31"]).code).toBe(1);
    expect(runCli(["check", clean, unrecognised, "--as-of", "2025-12-31"]).code).toBe(3);
  });

  it("--format json prints exactly { sheets, findings } and nothing else", () => {
    const r = runCli(["check", roster, "--format", "json", "--as-of", "2025-12-31"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { sheets: { sheet: string; kind: string }[]; findings: { cell: string; severity: string }[] };
    expect(Object.keys(json)).toEqual(["sheets", "findings"]);
    expect(json.sheets[0]).toMatchObject({ sheet: "花名册", kind: "roster" });
    expect(json.findings.some((f) => f.cell === "C2" && f.severity === "error")).toBe(true);
    expect(json.sheets[0]).not.toHaveProperty("file");
    expect(json.sheets[0]).toMatchObject({ source: { format: "xlsx" } });
  });

  it("adds a file property with several files, and exits 2 if any is unreadable", () => {
    const xls = join(dir, "old.xls");
    writeFileSync(xls, truncatedXls());
    const r = runCli(["check", roster, clean, xls, "--format", "json"]);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout) as { sheets: { file: string }[]; findings: { file: string }[] };
    expect(new Set(json.sheets.map((s) => s.file))).toEqual(new Set([roster, clean]));
    expect(json.findings.every((f) => f.file === roster)).toBe(true);
    expect(r.stderr.trim().split("\n")).toEqual([`party-ledger: ${xls}: 文件不完整（可能下载或复制时被截断），请重新获取原文件。`]);
  });

  it("exits 2 with a one-line reason for an unreadable file, in the chosen language", () => {
    const bomb = join(dir, "bomb.xlsx");
    writeFileSync(bomb, zipBomb({ gib: 1, lieAboutSize: true }));
    const zh = runCli(["check", bomb]);
    expect(zh.code).toBe(2);
    expect(zh.stderr.trim().split("\n")).toHaveLength(1);
    expect(zh.stderr).toContain("压缩炸弹");
    const en = runCli(["check", bomb, "--lang", "en"]);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain("zip bomb");
  });

  it("exits 2 for a missing path and for bad options", () => {
    expect(runCli(["check", join(dir, "nope.xlsx")]).code).toBe(2);
    const bad = runCli(["check", roster, "--as-of", "2025-02-30"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--as-of");
    expect(runCli(["check", roster, "--format", "xml"]).code).toBe(2);
    expect(runCli(["check", roster, "--template", "Bad Id"]).code).toBe(2);
    const rules = join(dir, "rules.json");
    writeFileSync(rules, JSON.stringify({ id: "x" }));
    expect(runCli(["check", roster, "--rules", rules]).stderr).toContain("rules.json");
  });

  it("checks every readable file in a folder, recursively, says which file each finding is from, and lists what it did not check", () => {
    const folder = join(dir, "folder");
    mkdirSync(join(folder, "2025", "一支部"), { recursive: true });
    mkdirSync(join(folder, ".git"), { recursive: true });
    copyFileSync(roster, join(folder, "2025", "一支部", "花名册.xlsx"));
    copyFileSync(clean, join(folder, "clean.xlsx"));
    copyFileSync(unrecognised, join(folder, "杂项.xlsx"));
    writeFileSync(join(folder, "~$clean.xlsx"), "owner file");
    writeFileSync(join(folder, "说明.docx"), "not a spreadsheet");
    const r = runCli(["check", folder, "--format", "json"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { sheets: { file: string }[]; files: { file: string; status: string; reason?: string }[] };
    expect(json.sheets.map((s) => s.file).sort()).toEqual([join(folder, "2025", "一支部", "花名册.xlsx"), join(folder, "clean.xlsx"), join(folder, "杂项.xlsx")]);
    expect(json.files.map((f) => [f.file, f.status, f.reason ?? null])).toEqual([
      [join(folder, "2025", "一支部", "花名册.xlsx"), "checked", null],
      [join(folder, "clean.xlsx"), "checked", null],
      [join(folder, "杂项.xlsx"), "unchecked", "no-ledger-recognised"],
      [join(folder, ".git"), "skipped", "hidden-folder"],
      [join(folder, "~$clean.xlsx"), "skipped", "office-lock-file"],
      [join(folder, "说明.docx"), "skipped", "not-a-spreadsheet"],
    ]);
    const text = runCli(["check", folder]);
    expect(text.stdout).toContain("共 3 个文件，已检查 2 个，1 个未检查（没有识别出台账）");
    expect(text.stdout).toContain(`未检查 3 个文件：\n  ${join(folder, ".git")}：隐藏文件夹，未进入\n  ${join(folder, "~$clean.xlsx")}：Excel 或 WPS 打开文件时留下的临时文件\n  ${join(folder, "说明.docx")}：不是表格文件（可检查 .xlsx .xlsm .xltx .xls .xlt .et .ett .ods .csv .txt）`);
    expect(text.stderr).toBe(""); // no progress bar when stderr is not a terminal
  });

  it("checks .xls, .et, .ods and GBK .csv files in a folder alike, and says how each was read", () => {
    const folder = join(dir, "formats");
    mkdirSync(folder, { recursive: true });
    const corpus = join(import.meta.dirname, "../../fixtures/formats");
    const name = "东湖村党支部党员花名册";
    for (const [sub, ext] of [["xls", "xls"], ["et", "et"], ["ods", "ods"], ["csv-gbk", "csv"]] as const) copyFileSync(join(corpus, sub, `${name}.${ext}`), join(folder, `${name}.${ext}`));
    const r = runCli(["check", folder, "--as-of", "2025-12-31"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("共 4 个文件，已检查 4 个，24 处错误，4 处提醒");
    expect(r.stdout).toContain(`== ${join(folder, `${name}.csv`)} ==\n读取为：CSV 文本（GBK 编码，逗号分隔）\n工作表「${name}」：党员花名册`);
    expect(r.stdout).toContain(`== ${join(folder, `${name}.et`)} ==\n读取为：WPS 表格文件（.et）\n工作表「花名册」`);
    expect(r.stdout).toContain(`== ${join(folder, `${name}.xls`)} ==\n读取为：Excel 97–2003 工作簿（.xls）`);
    expect(r.stdout).toContain(`== ${join(folder, `${name}.ods`)} ==\n读取为：OpenDocument 表格（.ods）`);
  });

  it("says it writes no annotated copy of a CSV, and still reports its findings", () => {
    const csv = join(dir, "花名册.csv");
    copyFileSync(join(import.meta.dirname, "../../fixtures/formats/csv-utf8/东湖村党支部党员花名册.csv"), csv);
    const out = join(dir, "annotated-csv");
    const r = runCli(["check", csv, "--annotate", out, "--as-of", "2025-12-31"]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`party-ledger: 未给 "${csv}" 写标注副本：标注副本只能写在 .xlsx 上，请先另存为 .xlsx（检查结果照常输出）`);
    expect(r.stdout).toContain("合计：6 处错误，1 处提醒");
  });

  it("passes --template through to the engine; an unknown one exits 2", () => {
    const r = runCli(["check", roster, "--template", "roster@1", "--format", "json"]);
    const json = JSON.parse(r.stdout) as { sheets: { template: { id: string; version: number } | null }[] };
    expect(json.sheets[0]!.template).toEqual({ id: "roster", version: 1 });
    const unknown = runCli(["check", roster, "--template", "nosuch"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("nosuch");
  });

  it("--book checks the files as one branch's book: each finding names its file and the related one", () => {
    const bookDir = new URL("../../fixtures/realistic/book/", import.meta.url).pathname;
    const r = runCli(["check", "--book", bookDir, "--as-of", "2025-12-31", "--format", "json"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { findings: { file: string; sheet: string; cell: string | null; code: string; severity: string; related?: { file?: string } }[] };
    const judged = json.findings.filter((f) => f.severity !== "info");
    expect(judged.map((f) => `${f.sheet}!${f.cell ?? "-"} ${f.code}`).sort()).toEqual(BRANCH_BOOK_FINDINGS.map((f) => `${f.sheet}!${f.cell ?? "-"} ${f.code}`).sort());
    const zhao = judged.find((f) => f.code === "book.notOnRoster")!;
    expect(zhao.file).toBe(join(bookDir, "东湖村党支部2025年党费.xlsx"));
    expect(zhao.related?.file).toBe(join(bookDir, "东湖村党支部2025年花名册.xlsx"));
    // The same files without --book: no finding of the book, and the unpaid months it would have explained.
    const alone = JSON.parse(runCli(["check", bookDir, "--as-of", "2025-12-31", "--format", "json"]).stdout) as { findings: { code: string }[] };
    expect(alone.findings.some((f) => f.code.startsWith("book."))).toBe(false);
    expect(alone.findings.some((f) => f.code === "dues.unpaidLapse")).toBe(true);
  });
});
