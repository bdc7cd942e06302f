import { describe, expect, it } from 'vitest';
import { parseGoDurationSeconds } from './host/go-duration.ts';

describe('parseGoDurationSeconds', () => {
  it('reads Go durations as whole seconds', () => {
    expect(parseGoDurationSeconds('8760h')).toBe(8760 * 3600);
    expect(parseGoDurationSeconds('1h30m')).toBe(5400);
    expect(parseGoDurationSeconds('600s')).toBe(600);
    expect(parseGoDurationSeconds('1.5h')).toBe(5400);
    expect(parseGoDurationSeconds('1500ms')).toBe(1);
  });

  it('rejects anything else and says which format to use', () => {
    for (const bad of ['', '10', '10d', 'h', '1h 30m', '-1h']) {
      expect(() => parseGoDurationSeconds(bad)).toThrow(/use Go duration syntax such as 8760h/);
    }
  });
});
