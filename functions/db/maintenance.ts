/** Small named state of background jobs (migration 0002), e.g. where the blob sweep stopped. */
export async function getState(db: D1Database, name: string): Promise<string | null> {
  return db.prepare("SELECT value FROM maintenance_state WHERE name = ?").bind(name).first<string>("value");
}

export async function setState(db: D1Database, name: string, value: string | null, at: string) {
  if (value === null) {
    await db.prepare("DELETE FROM maintenance_state WHERE name = ?").bind(name).run();
    return;
  }
  await db
    .prepare("INSERT INTO maintenance_state (name, value, updated_at) VALUES (?1, ?2, ?3) ON CONFLICT (name) DO UPDATE SET value = ?2, updated_at = ?3")
    .bind(name, value, at)
    .run();
}
