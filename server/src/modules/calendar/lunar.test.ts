import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lunarToSolar, solarToLunar } from './lunar.ts';

describe('Vietnamese lunar calendar (UTC+7)', () => {
  it.each([
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
  ])('puts Tết (1/1 âm) of %i on %s', (year, date) => {
    expect(lunarToSolar(year, 1, 1)).toBe(date);
    expect(solarToLunar(date)).toEqual({ year, month: 1, day: 1, leap: false });
  });

  it.each([
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2027, '2027-04-16'],
  ])('puts Giỗ Tổ Hùng Vương (10/3 âm) of %i on %s', (year, date) => {
    expect(lunarToSolar(year, 3, 10)).toBe(date);
  });

  it('differs from the Chinese calendar (UTC+8) where the new moon falls near midnight', () => {
    // Tết 1985: Vietnam celebrated on 21/01/1985, China on 20/02/1985.
    expect(lunarToSolar(1985, 1, 1, false, 7)).toBe('1985-01-21');
    expect(lunarToSolar(1985, 1, 1, false, 8)).toBe('1985-02-20');
    expect(solarToLunar('1985-01-21', 8)).toMatchObject({ year: 1984, month: 12, day: 1 });
    // Tết 2007: 17/02 in Vietnam, 18/02 in China.
    expect(lunarToSolar(2007, 1, 1, false, 7)).toBe('2007-02-17');
    expect(lunarToSolar(2007, 1, 1, false, 8)).toBe('2007-02-18');
    expect(solarToLunar('2007-02-17', 8)).toMatchObject({ year: 2006, month: 12, day: 30 });
  });

  it('finds the leap months (tháng nhuận) of recent years', () => {
    expect(solarToLunar('2020-05-23')).toEqual({ year: 2020, month: 4, day: 1, leap: true });
    expect(solarToLunar('2023-03-22')).toEqual({ year: 2023, month: 2, day: 1, leap: true });
    expect(solarToLunar('2025-07-25')).toEqual({ year: 2025, month: 6, day: 1, leap: true });
    expect(lunarToSolar(2025, 6, 1, true)).toBe('2025-07-25');
    expect(lunarToSolar(2025, 6, 1, false)).toBe('2025-06-25');
  });

  it('gives the last day of month 12 before Tết 2026 as 29 tháng Chạp (giao thừa 16/02/2026)', () => {
    expect(solarToLunar('2026-02-16')).toEqual({ year: 2025, month: 12, day: 29, leap: false });
  });

  it('refuses lunar dates that do not exist', () => {
    expect(() => lunarToSolar(2025, 5, 1, true)).toThrow(RangeError); // 2025 has leap month 6, not 5
    expect(() => lunarToSolar(2025, 12, 30)).toThrow(RangeError); // month 12 of Ất Tỵ has 29 days
    expect(() => lunarToSolar(2025, 13, 1)).toThrow(RangeError);
    expect(() => lunarToSolar(2025, 1, 0)).toThrow(RangeError);
  });

  it('converts every day of 1900–2199 there and back, with months of 29 or 30 days', () => {
    const day = fc
      .integer({ min: Date.UTC(1900, 1, 1), max: Date.UTC(2199, 10, 30) })
      .map((ms) => new Date(ms - (ms % 86_400_000)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, (iso) => {
        const l = solarToLunar(iso);
        expect(l.day).toBeGreaterThanOrEqual(1);
        expect(l.day).toBeLessThanOrEqual(30);
        expect(lunarToSolar(l.year, l.month, l.day, l.leap)).toBe(iso);
      }),
      { numRuns: 500 },
    );
  });

  it('puts every Tết of 1901–2199 between 21 January and 20 February', () => {
    for (let year = 1901; year <= 2199; year++) {
      const tet = lunarToSolar(year, 1, 1).slice(5);
      expect(tet >= '01-21' && tet <= '02-20', `${year}: ${tet}`).toBe(true);
    }
  });
});
