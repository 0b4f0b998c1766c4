/** The bulk bar's enqueue (renderer/features/actions/enqueue.ts): the checked selection, else the ids. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/contract/rpc/errors';

const calls: unknown[] = [];
let answer: (input: unknown) => unknown = () => ({});
vi.mock('../../../renderer/bridge', async () => ({
  AppError: (await import('../../../shared/contract/rpc/errors')).AppError,
  call: async (_method: string, input: unknown) => {
    calls.push(input);
    return answer(input);
  },
}));
const { enqueueChecked } = await import('../../../renderer/features/actions/enqueue');

beforeEach(() => {
  calls.length = 0;
});

describe('enqueueChecked', () => {
  it('sends the selection alone when the core keeps it', async () => {
    answer = () => ({ batchId: 'b', count: 2, skipped: 0 });
    await enqueueChecked('block', 'sel-1', ['a', 'b']);
    expect(calls).toEqual([{ action: 'block', selection: 'sel-1' }]);
  });

  it('sends the ids when the core no longer keeps the selection', async () => {
    answer = (input) => {
      if ((input as { selection?: string }).selection) throw new AppError('not_found', 'not kept');
      return { batchId: 'b', count: 2, skipped: 0 };
    };
    await enqueueChecked('delete', 'sel-2', ['a', 'b']);
    expect(calls).toEqual([{ action: 'delete', selection: 'sel-2' }, { action: 'delete', ids: ['a', 'b'] }]);
  });

  it('any other refusal is the caller’s to show, and the ids are not sent', async () => {
    answer = () => {
      throw new AppError('disk_full', 'full');
    };
    await expect(enqueueChecked('block', 'sel-3', ['a'])).rejects.toMatchObject({ code: 'disk_full' });
    expect(calls).toHaveLength(1);
  });
});
