import { readErrors } from "./errors.js";

/**
 * A parser fed a part's bytes in the chunks the inflater hands out. `parse` consumes whole units
 * (a cell, a shared string) and returns how far it got; the rest waits for the next chunk. A unit
 * that spans many chunks is retried only once the waiting bytes have doubled, so a long one costs
 * linear time, and no unit may exceed `maxUnitBytes` (a 32,767-character cell with every
 * character escaped and formatted is far below it).
 */
export abstract class ChunkedParser {
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  /** Bytes waiting when the last parse could consume nothing: wait for twice as many. */
  private stalledAt = 0;

  constructor(
    protected readonly partName: string,
    private readonly maxUnitBytes = 64 * 1024 * 1024,
  ) {}

  /** Consume what can be consumed of `buf`; return the index up to which it was consumed. */
  protected abstract parse(buf: Uint8Array, final: boolean): number;

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes < this.stalledAt * 2) return;
    this.run(false);
  }

  finish(): void {
    this.run(true);
  }

  private run(final: boolean): void {
    const buf = this.pending.length === 1 ? this.pending[0]! : concat(this.pending, this.pendingBytes);
    const used = this.parse(buf, final);
    const rest = buf.length - used;
    if (final || rest === 0) {
      this.pending = [];
      this.pendingBytes = 0;
      this.stalledAt = 0;
      return;
    }
    if (rest > this.maxUnitBytes) throw readErrors.corrupt(`an element of ${this.partName} is larger than ${this.maxUnitBytes} bytes`);
    // Copy the rest out, so the (possibly large) chunk it came from can be let go.
    this.pending = [buf.slice(used)];
    this.pendingBytes = rest;
    this.stalledAt = used === 0 ? rest : 0;
  }
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
