import { describe, expect, it } from 'vitest';
import { holidaysOfYear, nationalDayAdjacentDay, statutoryHolidays } from './holidays.ts';

const summary = (year: number, options = {}) => holidaysOfYear(year, options).map((d) => `${d.date} ${d.kind}`);

describe('statutory days off of a year', () => {
  it('computes 2026: Tết 16/02–20/02, Giỗ Tổ on Sunday 26/04 with nghỉ bù Monday 27/04, 24/11 unverified', () => {
    expect(summary(2026)).toEqual([
      '2026-01-01 holiday',
      '2026-02-16 tet',
      '2026-02-17 tet',
      '2026-02-18 tet',
      '2026-02-19 tet',
      '2026-02-20 tet',
      '2026-04-26 holiday',
      '2026-04-27 compensatory',
      '2026-04-30 holiday',
      '2026-05-01 holiday',
      '2026-09-01 holiday',
      '2026-09-02 holiday',
      '2026-11-24 holiday',
    ]);
    const days = holidaysOfYear(2026);
    expect(days.find((d) => d.date === '2026-02-16')?.name.vi).toBe('Tết Nguyên đán (29 tháng Chạp)');
    expect(days.find((d) => d.date === '2026-04-27')).toMatchObject({
      source: 'computed',
      compensatesFor: '2026-04-26',
    });
    expect(days.find((d) => d.date === '2026-11-24')).toMatchObject({ unverified: true, source: 'statute' });
    expect(days.find((d) => d.date === '2026-04-30')?.source).toBe('statute');
  });

  it('has the 11 days of BLLĐ 2019 Điều 112, and 12 with 24/11 from 2026', () => {
    expect(statutoryHolidays(2025)).toHaveLength(11);
    expect(statutoryHolidays(2026)).toHaveLength(12);
    expect(statutoryHolidays(2025).some((d) => d.date === '2025-11-24')).toBe(false);
  });

  it('gives nghỉ bù on the next weekdays that are not days off (2023: three weekend holidays)', () => {
    // 29/4 Sat (Giỗ Tổ), 30/4 Sun, 1/5 Mon → nghỉ bù Tue 2/5 and Wed 3/5, as the Government announced.
    expect(summary(2023).filter((d) => d.startsWith('2023-04') || d.startsWith('2023-05'))).toEqual([
      '2023-04-29 holiday',
      '2023-04-30 holiday',
      '2023-05-01 holiday',
      '2023-05-02 compensatory',
      '2023-05-03 compensatory',
    ]);
    // 01/01/2023 was a Sunday → Monday 02/01 off.
    expect(summary(2023).slice(0, 2)).toEqual(['2023-01-01 holiday', '2023-01-02 compensatory']);
  });

  it('chooses the Quốc khánh adjacent day the Government chose in 2021–2025', () => {
    expect(nationalDayAdjacentDay(2021)).toBe('2021-09-03'); // Thu 2/9 → Fri 3/9
    expect(nationalDayAdjacentDay(2022)).toBe('2022-09-01'); // Fri 2/9 → Thu 1/9
    expect(nationalDayAdjacentDay(2023)).toBe('2023-09-01'); // Sat 2/9 → Fri 1/9, nghỉ bù Mon 4/9
    expect(nationalDayAdjacentDay(2024)).toBe('2024-09-03'); // Mon 2/9 → Tue 3/9
    expect(nationalDayAdjacentDay(2025)).toBe('2025-09-01'); // Tue 2/9 → Mon 1/9
    expect(summary(2023).filter((d) => d.startsWith('2023-09'))).toEqual([
      '2023-09-01 holiday',
      '2023-09-02 holiday',
      '2023-09-04 compensatory',
    ]);
    // 2029: 2/9 is a Sunday → Monday 3/9 is the adjacent day and Tuesday 4/9 the nghỉ bù.
    expect(summary(2029).filter((d) => d.startsWith('2029-09'))).toEqual([
      '2029-09-02 holiday',
      '2029-09-03 holiday',
      '2029-09-04 compensatory',
    ]);
  });

  it('lets the adjacent day be chosen explicitly', () => {
    expect(summary(2026, { nationalDayAdjacent: 'after' })).toContain('2026-09-03 holiday');
    expect(summary(2026, { nationalDayAdjacent: 'after' })).not.toContain('2026-09-01 holiday');
    expect(nationalDayAdjacentDay(2026, 'before')).toBe('2026-09-01');
  });

  it('gives nghỉ bù for Tết days on a weekend (2027: mùng 1 Saturday, mùng 2 Sunday)', () => {
    expect(summary(2027).filter((d) => d.startsWith('2027-02'))).toEqual([
      '2027-02-05 tet',
      '2027-02-06 tet',
      '2027-02-07 tet',
      '2027-02-08 tet',
      '2027-02-09 tet',
      '2027-02-10 compensatory',
      '2027-02-11 compensatory',
    ]);
  });

  it('leaves out removed days and their nghỉ bù (24/11/2029 is a Saturday)', () => {
    expect(summary(2029)).toContain('2029-11-26 compensatory');
    const removed = new Set(['2029-11-24']);
    expect(summary(2029, { removed }).filter((d) => d.startsWith('2029-11'))).toEqual([]);
  });

  it('returns the days in date order for every year 1900–2199, with no date twice', () => {
    for (let year = 1900; year <= 2199; year++) {
      const dates = holidaysOfYear(year).map((d) => d.date);
      expect([...dates].sort()).toEqual(dates);
      expect(new Set(dates).size).toBe(dates.length);
      expect(dates.every((d) => d.startsWith(`${year}-`))).toBe(true);
    }
  });
});
