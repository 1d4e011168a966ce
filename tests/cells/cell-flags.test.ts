/** The info string of a cell fence: ```ts run [throws] [timeout=<ms>]. */
import { describe, expect, test } from 'vitest';
import { DEFAULT_TIMEOUT_MS, parseCellFlags } from '../../src/cells/cell-flags.ts';

describe('parseCellFlags', () => {
  test('a plain ts fence is not a cell', () => {
    expect(parseCellFlags('ts', null)).toBeNull();
    expect(parseCellFlags('ts', '')).toBeNull();
    expect(parseCellFlags('python', 'run')).toBeNull();
    expect(parseCellFlags(null, 'run')).toBeNull();
    expect(parseCellFlags('ts', 'title="x" run')).toBeNull();
  });

  test('`ts run` is a cell with the default time limit', () => {
    expect(parseCellFlags('ts', 'run')).toEqual({ throws: false, timeout: DEFAULT_TIMEOUT_MS });
    expect(parseCellFlags('typescript', 'run')).toEqual({ throws: false, timeout: 5000 });
  });

  test('flags: throws and timeout=<ms>, in any order', () => {
    expect(parseCellFlags('ts', 'run throws timeout=1000')).toEqual({ throws: true, timeout: 1000 });
    expect(parseCellFlags('ts', 'run  timeout=250 throws')).toEqual({ throws: true, timeout: 250 });
  });

  test('an unknown flag or a bad timeout is an error', () => {
    expect(() => parseCellFlags('ts', 'run trows')).toThrow('unknown cell flag "trows"');
    expect(() => parseCellFlags('ts', 'run timeout=5s')).toThrow('timeout must be a positive whole number');
    expect(() => parseCellFlags('ts', 'run timeout=0')).toThrow('timeout must be a positive whole number');
  });
});
