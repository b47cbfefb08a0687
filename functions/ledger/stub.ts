import type { Bindings } from "../env.js";

/**
 * The tenant of an organisation: its root department. Ids under a root are `<root>.<own>`
 * (functions/routes/orgs.ts), so the root is the part before the first dot.
 */
export const tenantOf = (orgId: string) => orgId.split(".")[0]!;

/** The store of one tenant (a SQLite-backed Durable Object named by the root's id). */
export const ledger = (env: Pick<Bindings, "LEDGER">, rootId: string) => env.LEDGER.getByName(rootId);

export type LedgerStub = ReturnType<typeof ledger>;
