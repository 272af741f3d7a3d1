import { describe, expect, it } from 'vitest';
import { interruptBudgetFlag } from '../src/cli/compiler-tuning.js';

describe('the CLI tunes when V8 optimizes its code', () => {
  it('raises the interrupt budget above Node 20’s default of 67,584', () => {
    const flag = interruptBudgetFlag(['--enable-source-maps']);
    expect(flag).toMatch(/^--interrupt-budget=\d+$/);
    expect(Number(flag?.split('=')[1])).toBeGreaterThan(67_584);
  });

  it('leaves a budget given on node’s command line alone', () => {
    expect(interruptBudgetFlag(['--interrupt-budget=100000'])).toBeNull();
    expect(interruptBudgetFlag(['--interrupt-budget', '100000'])).toBeNull();
  });
});
