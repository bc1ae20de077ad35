import { describe, expect, it } from 'vitest';
import { gradeFor } from '../../src/scoring/score.js';

// Several of the handful of critical practices missing at once is a failing grade, whatever the score.
describe('grade caps for open critical gaps', () => {
  const none = { critical: 0, high: 0, medium: 0, low: 0 };

  it('fails an organisation with three or more open critical gaps', () => {
    expect(gradeFor(95, { ...none, critical: 3 })).toEqual({ grade: 'F', cap: 'capped at F: 3 open critical gaps' });
    expect(gradeFor(99, { ...none, critical: 5, high: 2 }).grade).toBe('F');
  });

  it('keeps one or two open critical gaps at D', () => {
    expect(gradeFor(95, { ...none, critical: 2 })).toEqual({ grade: 'D', cap: 'capped at D: 2 open critical gaps' });
    expect(gradeFor(95, { ...none, critical: 1, high: 3 }).grade).toBe('D');
  });
});
