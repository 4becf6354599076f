import type { PGlite } from "@electric-sql/pglite";

/** True when the database answers a trivial query; never throws, so a readiness probe can call it. */
export async function pingDatabase(db: PGlite): Promise<boolean> {
  if (db.closed) return false;
  try {
    await db.query("SELECT 1");
    return true;
  } catch {
    return false;
  }
}
