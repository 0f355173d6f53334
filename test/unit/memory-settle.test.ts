import { describe, expect, it } from 'vitest';
import { initialSettleState, settleStep, type SettleState, type YoungGeneration } from '../../src/cli/memory-settle.js';

const MB = 1024 * 1024;
const grown = (usedMb: number): YoungGeneration => ({ committed: 33.6 * MB, used: usedMb * MB });

/** Runs checks 5 s apart from `state`; returns which of them asked for a collection. */
function run(state: SettleState, samples: YoungGeneration[], startMs = 0): { asked: number[]; state: SettleState } {
  const asked: number[] = [];
  samples.forEach((s, i) => {
    const step = settleStep(state, s, startMs + (i + 1) * 5000);
    state = step.state;
    if (step.collect) asked.push(i);
  });
  return { asked, state };
}

describe('settleStep', () => {
  it('asks once the grown young generation has been quiet for two checks', () => {
    const { asked } = run(initialSettleState(grown(10)), [grown(10.1), grown(10.2), grown(10.3)]);
    expect(asked).toEqual([1]);
  });

  it('does not ask while allocation is busy, nor when a collection ran in between', () => {
    // +5 MB per check is a burst; a drop in use is a scavenge.
    const { asked } = run(initialSettleState(grown(1)), [grown(6), grown(11), grown(2), grown(7), grown(12)]);
    expect(asked).toEqual([]);
  });

  it('does not ask when the young generation is at its start size', () => {
    const small = (usedMb: number): YoungGeneration => ({ committed: 2 * MB, used: usedMb * MB });
    const { asked } = run(initialSettleState(small(0.5)), [small(0.5), small(0.6), small(0.6), small(0.7)]);
    expect(asked).toEqual([]);
  });

  it('asks again only after 30 s if V8 kept the young generation grown', () => {
    const quiet = Array.from({ length: 12 }, (_, i) => grown(10 + i * 0.01));
    const { asked } = run(initialSettleState(grown(10)), quiet);
    // checks every 5 s: the 2nd, then 30 s later the 8th
    expect(asked).toEqual([1, 7]);
  });
});
