/**
 * The prepared statements of one core's database, kept by SQL text for the life of the core
 * (ctx.statements, created and cleared with it): a read prepares its statement once, not per call.
 */
import type Database from 'better-sqlite3';

export class StatementCache {
  private readonly byText = new Map<string, Database.Statement>();

  constructor(readonly db: Database.Database) {}

  /** The statement for this SQL text, prepared on first use. */
  get(sql: string): Database.Statement {
    let statement = this.byText.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.byText.set(sql, statement);
    }
    return statement;
  }

  /** Forgets every statement (the core is closing its database). */
  clear(): void {
    this.byText.clear();
  }
}
