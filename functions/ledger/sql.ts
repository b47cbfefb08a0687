/** Small typed helpers over a Durable Object's SqlStorage (synchronous, in-process SQLite). */

export function all<T>(sql: SqlStorage, query: string, ...args: SqlStorageValue[]): T[] {
  return sql.exec(query, ...args).toArray() as T[];
}

export function one<T>(sql: SqlStorage, query: string, ...args: SqlStorageValue[]): T | null {
  const rows = sql.exec(query, ...args).toArray();
  return (rows[0] as T | undefined) ?? null;
}

/** SQLite in a Durable Object takes at most 100 bound parameters: lists go in slices. */
export const MAX_PARAMS = 90;

export function slices<T>(items: readonly T[], size = MAX_PARAMS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export const marks = (n: number) => Array.from({ length: n }, () => "?").join(", ");
