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
    .addHelpText(
      "after",
      "\n退出码 / exit codes: 0 已检查且没有错误 / checked, no errors; 1 发现错误 / errors found; 2 有文件无法读取 / a file could not be read; 3 没有错误，但有文件没有识别出任何台账、未检查 / no errors, but some file had no sheet checked",
    )
    .action(async (paths: string[], options: Record<string, string | boolean | undefined>) => {
      // Loaded on demand so --help and --version do not pay for the engine and ExcelJS.
      const { runCheck } = await import("./check-command.js");
      setExit(await runCheck(paths, options, io));
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
