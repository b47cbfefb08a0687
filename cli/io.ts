/** Where the command writes: stdout for the report, stderr for everything else. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}
