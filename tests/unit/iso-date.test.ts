import { describe, expect, it } from 'vitest';
import { isCalendarDate, isIsoDate } from '../../src/iso-date.js';

/** What a real day is, by Date: it parses, and reads back as the same day. */
const byDate = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
};

describe('calendar dates', () => {
  it('takes exactly the days Date takes, leap years and century years included', () => {
    const years = [0, 4, 100, 400, 1600, 1700, 1900, 2000, 2023, 2024, 2025, 2026, 2100, 2400, 9996, 9999];
    for (let year = 1990; year <= 2040; year++) years.push(year);
    for (const year of years) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= 31; day++) {
          const value = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          expect(isCalendarDate(value), value).toBe(byDate(value));
        }
      }
    }
  });

  it('refuses what is not YYYY-MM-DD', () => {
    for (const value of ['2026-2-01', '2026-02-1', '26-02-01', '2026-00-10', '2026-13-01', '2026-01-00', '2026-01-32', '2026-01-01T00:00:00Z', ' 2026-01-01', '2026/01/01', '']) {
      expect(isCalendarDate(value), value).toBe(false);
    }
    expect(isIsoDate(20260101)).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
  });
});
