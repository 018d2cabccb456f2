import { describe, expect, it } from 'vitest';
import {
  addDays,
  formatDate,
  formatDateTime,
  isIsoDate,
  startOfVietnamDay,
  validityErrors,
  vietnamDate,
} from './dates';

describe('formatDate', () => {
  it('reads an instant in Asia/Ho_Chi_Minh (17:30 UTC on 30 June is already 1 July in Vietnam)', () => {
    expect(formatDate('2025-06-30T17:30:00Z')).toBe('01/07/2025');
    expect(formatDate('2025-06-30T16:59:59Z')).toBe('30/06/2025');
  });

  it('shows a yyyy-mm-dd calendar date as dd/MM/yyyy without shifting it', () => {
    expect(formatDate('2025-07-01')).toBe('01/07/2025');
    expect(formatDate('1990-03-31')).toBe('31/03/1990');
  });

  it('returns an empty string for no value', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
  });
});

describe('formatDateTime', () => {
  it('shows dd/MM/yyyy HH:mm:ss on a 24-hour clock in Vietnam', () => {
    expect(formatDateTime('2025-06-30T17:30:05Z')).toBe('01/07/2025 00:30:05');
    expect(formatDateTime(new Date('2026-01-01T06:00:00Z'))).toBe('01/01/2026 13:00:00');
  });
});

describe('calendar helpers', () => {
  it('gives the Vietnamese calendar date of an instant', () => {
    expect(vietnamDate(new Date('2025-06-30T17:00:00Z'))).toBe('2025-07-01');
    expect(vietnamDate(new Date('2025-06-30T16:00:00Z'))).toBe('2025-06-30');
  });

  it('validates and shifts yyyy-mm-dd dates', () => {
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(addDays('2025-06-30', 1)).toBe('2025-07-01');
    expect(addDays('2025-07-01', -1)).toBe('2025-06-30');
  });

  it('starts a Vietnamese day at 17:00 UTC the day before', () => {
    expect(startOfVietnamDay('2025-07-01')).toBe('2025-06-30T17:00:00.000Z');
  });
});

describe('validityErrors', () => {
  it('accepts an open end unless the end is required', () => {
    expect(validityErrors('2025-07-01', '')).toEqual({});
    expect(validityErrors('2025-07-01', '', { toRequired: true })).toEqual({ validTo: 'common.invalidDate' });
  });

  it('refuses a start that is not a date and an end before the start', () => {
    expect(validityErrors('', '2025-07-01')).toEqual({ validFrom: 'common.invalidDate' });
    expect(validityErrors('2025-07-01', '2025-06-30')).toEqual({ validTo: 'common.invalidDateRange' });
    expect(validityErrors('2025-07-01', '2025-07-01')).toEqual({});
    expect(validityErrors('2025-07-01', '2025-02-30')).toEqual({ validTo: 'common.invalidDate' });
  });
});
