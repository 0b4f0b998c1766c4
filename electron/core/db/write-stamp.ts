/**
 * A stamp of the database's writes: it moves whenever anything is written, by this connection (its
 * count of changed rows, triggers included) or by another one (the data version). What is kept in
 * memory for the data as it is (counts, positions, a checked selection) is valid while it holds.
 */
import type Database from 'better-sqlite3';

const statements = new WeakMap<Database.Database, Database.Statement>();

export function writeStamp(db: Database.Database): string {
  let s = statements.get(db);
  if (!s) {
    s = db.prepare("SELECT total_changes() || '/' || (SELECT data_version FROM pragma_data_version())").pluck();
    statements.set(db, s);
  }
  return s.get() as string;
}
