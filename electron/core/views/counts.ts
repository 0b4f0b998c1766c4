/**
 * How many clients each of many filters matches, in one pass over the clients table: one
 * `total(<filter's condition>)` per filter in a single SELECT (each filter's named parameters
 * prefixed with its index). Each saved view's tab count is one of them.
 */
import type { ClientFilter } from '../../../shared/contract/rpc/clients';
import type { StatementCache } from '../db/statements';
import { whereOf } from '../clients/queries';

export function countMany(statements: StatementCache, filters: ClientFilter[]): number[] {
  if (filters.length === 0) return [];
  const params: Record<string, string | number> = {};
  const sums = filters.map((f, i) => {
    // A row-by-row test (no trigram index): the pass reads every row anyway.
    const w = whereOf(f, false, statements.db);
    if (w.sql === '') return 'count(*)';
    for (const [k, v] of Object.entries(w.params)) params[`f${i}_${k}`] = v;
    const cond = w.sql.replace(/^WHERE /, '').replace(/@(\w+)/g, (_, k: string) => `@f${i}_${k}`);
    return `total(CASE WHEN ${cond} THEN 1 ELSE 0 END)`;
  });
  const row = statements.get(`SELECT ${sums.join(', ')} FROM clients c`).raw().get(params) as number[];
  return row.map((n) => Math.round(Number(n)));
}
