import { Command, CommanderError } from "commander";
import type { Io } from "./io.js";
import { UsageError } from "./options.js";

const VERSION = "0.1.0";

// A reader that stops early (`party-ledger check … | head`) closes the pipe: stop writing
// quietly instead of crashing with EPIPE.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});

const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  write: (piece) => process.stdout.write(piece),
  err: (text) => process.stderr.write(`${text}\n`),
  // An .xlsx is never written into a terminal: only into a file or a pipe.
  ...(process.stdout.isTTY ? {} : { bytes: (data: Uint8Array) => process.stdout.write(data) }),
};

function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name("party-ledger")
    .description("党建台账助手：检查 Excel 党建台账（党员花名册、党费、三会一课、发展党员、民主评议、干部考核测评）")
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });

  program
    .command("check")
    .description("检查 .xlsx 文件或文件夹（递归查找 .xlsx）/ check .xlsx files or folders")
    .argument("<paths...>", "文件或文件夹 / files or folders")
    .option("--as-of <date>", "按此日期判断（YYYY-MM-DD，默认今天）/ judge as of this day")
    .option("--format <format>", "text 或 json / text or json", "text")
    .option("--lang <lang>", "zh 或 en / zh or en", "zh")
    .option("--annotate <dir>", "把标注后的副本写到此文件夹（从不覆盖已有文件）/ write annotated copies into this folder (never replacing a file)")
    .option("--annotate-in-input-folder", "允许 --annotate 的文件夹里含有要检查的文件 / allow an --annotate folder that holds the inputs")
    .option("--template <id[@version]>", "按指定模板检查每个工作表 / check every sheet against this template")
    .option("--rules <file.json>", "使用此规则集文件 / use this rule set file")
    .option("--book", "把给出的文件（或文件夹里的文件）作为一个支部的一本台账，互相对照检查 / check the files as one branch's book, the ledgers against each other")
    .option("--mapping <file.json>", "按此表头对应读取（组织保存的对应，或 { template, columns, values }）/ read headers and values with this mapping")
    .addHelpText(
      "after",
      "\n退出码 / exit codes: 0 已检查且没有错误 / checked, no errors; 1 发现错误 / errors found; 2 有文件无法读取 / a file could not be read; 3 没有错误，但有文件没有识别出任何台账、未检查 / no errors, but some file had no sheet checked",
    )
    .action(async (paths: string[], options: Record<string, string | boolean | undefined>) => {
      // Loaded on demand so --help and --version do not pay for the engine and ExcelJS.
      const { runCheck } = await import("./check-command.js");
      setExit(await runCheck(paths, options, io));
    });
  const template = program.command("template").description("模板：从现有表格生成、发布、生成 Excel 填报表 / templates: infer from a form, publish, make the Excel form");
  template
    .command("infer")
    .description("从现有的 Excel 表格生成模板（JSON 输出到标准输出）/ propose a template from an existing form (JSON on stdout)")
    .argument("<form>", "表格文件 / the form (.xlsx, .xls, .et, .ods, .csv)")
    .option("--sheet <name>", "用哪张工作表（默认第一张可见的）/ which sheet (default: the first visible one)")
    .option("--id <id>", "模板编号（小写字母、数字、连字符）/ the template's id")
    .option("--title <title>", "模板名称 / the template's title")
    .option("--lang <lang>", "zh 或 en / zh or en", "zh")
    .action(async (form: string, options: Record<string, string | undefined>) => {
      const { inferCommand } = await import("./template/template-command.js");
      setExit(await inferCommand(form, options, io));
    });
  template
    .command("publish")
    .description("把模板发布为 Worker 上的新版本（内容与最新版本相同时不产生新版本）/ publish a template as a new version on the Worker")
    .argument("<template.json>", "模板文件 / the template file")
    .option("--to <url>", "Worker 地址 / the Worker's address")
    .option("--token <token>", "组织部门管理员的令牌 / a department admin's token")
    .option("--lang <lang>", "zh 或 en / zh or en", "zh")
    .action(async (file: string, options: Record<string, string | undefined>) => {
      const { publishCommand } = await import("./template/template-command.js");
      setExit(await publishCommand(file, options, io));
    });
  template
    .command("xlsx")
    .description("按模板版本生成 Excel 填报表（内置模板无需联网）/ the Excel form of a template version (built-in ones offline)")
    .argument("<ref>", "id@版本号（如 roster@1）或模板 JSON 文件 / id@version or a template JSON file")
    .option("--from <url>", "从此 Worker 读取已发布的模板 / fetch a published template from this Worker")
    .option("--token <token>", "令牌 / token")
    .option("-o, --output <file>", "写到此文件（不覆盖已有文件）/ write to this file (never replacing one)")
    .option("--lang <lang>", "填表说明的语言 zh 或 en / the notes' language", "zh")
    .action(async (ref: string, options: Record<string, string | undefined>) => {
      const { xlsxCommand } = await import("./template/template-command.js");
      setExit(await xlsxCommand(ref, options, io));
    });
  return program;
}

/** Runs the command line; returns the exit code (2 for usage errors, like unreadable input). */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.code === "commander.helpDisplayed" || err.code === "commander.version" ? 0 : 2;
    }
    if (err instanceof UsageError) {
      io.err(`party-ledger: ${err.message}`);
      return 2;
    }
    io.err(`party-ledger: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
}
