import { beforeEach, describe, expect, it } from 'vitest';
import { usePendingLevels } from './pendingLevels';

const state = () => usePendingLevels.getState();

describe('levels just tapped (pendingLevels)', () => {
  beforeEach(() => usePendingLevels.setState({ byWorker: {}, refused: null }));

  it('keeps a row object the same while another row changes, so only that row re-renders', () => {
    state().show('w1', 's1', 'U', 'confirmed');
    const row1 = state().byWorker.w1;
    state().show('w2', 's1', 'L', 'claimed');
    expect(state().byWorker.w1).toBe(row1);
    expect(state().byWorker.w2).toEqual({ s1: { level: 'L', status: 'claimed', settled: false } });
  });

  it('settles a written level and drops it, leaving no empty rows behind', () => {
    state().show('w1', 's1', 'U', 'confirmed');
    state().settle('w1', 's1');
    expect(state().byWorker.w1?.s1?.settled).toBe(true);
    state().drop('w1', 's1');
    expect(state().byWorker).toEqual({});
  });

  it('a refused level leaves its cell and keeps what was typed for the picker, once', () => {
    state().show('w1', 's1', 'L', 'confirmed');
    state().refuse({ workerId: 'w1', skillId: 's1', note: 'zaagt scheef', error: { key: 'error.reasonRequired' } });
    expect(state().byWorker).toEqual({});
    expect(state().refused?.note).toBe('zaagt scheef');
    state().takeRefused();
    expect(state().refused).toBeNull();
  });
});
