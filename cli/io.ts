/** Where the command writes: stdout for the report, stderr for everything else. */
export interface Io {
  out(text: string): void;
  /** A piece of stdout, as it is (no newline added): for output too large to build whole. */
  write(piece: string): void;
  err(text: string): void;
  /** Binary output on stdout (an .xlsx); absent when stdout is a terminal. */
  bytes?(data: Uint8Array): void;
}
