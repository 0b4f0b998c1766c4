/**
 * 010: a batch whose audit entry and outbox rows are still to be written. When the runner is idle,
 * enqueue commits the batch with its eligible clients in `staged` (JSON: ids in order, how many of
 * them form the first chunk, that chunk's Idempotency-Key) and the first request leaves at once;
 * the entry and rows are written while it is in flight and `staged` is cleared in the same
 * transaction (actions/staged.ts). A batch left staged by a crash gets them on the next start, the
 * first chunk 'sending' with its key, so it is re-sent with that key.
 */
export const up = `
ALTER TABLE batches ADD COLUMN staged TEXT;
CREATE INDEX batches_staged ON batches (id) WHERE staged IS NOT NULL;
`;
