/**
 * The pane's ledger worker: reading a file and checking a sheet both run here, off the page's
 * main thread, so the pane keeps painting and answering clicks while a 100,000-row ledger is read
 * and checked (ledger-service.ts does the work; ledger-client.ts is the page's side).
 */
import { LedgerService } from "./ledger-service.js";
import type { FromWorker, ToWorker } from "./ledger-protocol.js";

const scope = self as unknown as { onmessage: ((e: MessageEvent<ToWorker>) => void) | null; postMessage(m: FromWorker): void };
const service = new LedgerService((m) => scope.postMessage(m));
// One message at a time, in order: rows of an upload arrive before the check that uses them.
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (e) => {
  queue = queue.then(() => service.handle(e.data));
};
