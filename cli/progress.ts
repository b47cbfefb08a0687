import cliProgress from "cli-progress";

export interface Progress {
  tick(file: string): void;
  stop(): void;
}

const NONE: Progress = { tick() {}, stop() {} };

/** A bar on stderr for folder runs, only when a person is watching (stderr is a terminal). */
export function startProgress(total: number, enabled: boolean): Progress {
  if (!enabled || !process.stderr.isTTY || total < 2) return NONE;
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: "{bar} {value}/{total} {file}", hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { file: "" });
  return {
    tick: (file) => bar.increment(1, { file }),
    stop: () => bar.stop(),
  };
}
