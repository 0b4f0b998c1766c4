import { describe, expect, it } from 'vitest';
import {
  addDays,
  bucketStart,
  bucketsBetween,
  daysInclusive,
  localDateOf,
  localDateTimeOf,
  localMidnightUtc,
  nextBucket,
  offsetMinutesAt,
  utcOffsetLabel,
  weekdayOf,
} from '../../../shared/domain/time';

const MSK = 'Europe/Moscow';
const AST = '+06:00';

describe('region time', () => {
  it('knows the offsets', () => {
    expect(offsetMinutesAt(MSK, Date.parse('2026-01-15T12:00:00Z'))).toBe(180);
    expect(offsetMinutesAt(MSK, Date.parse('2026-07-15T12:00:00Z'))).toBe(180);
    expect(offsetMinutesAt(AST, 0)).toBe(360);
    expect(offsetMinutesAt('-03:30', 0)).toBe(-210);
    // A zone with DST, to prove the IANA path is real.
    expect(offsetMinutesAt('Europe/Berlin', Date.parse('2026-07-01T00:00:00Z'))).toBe(120);
    expect(offsetMinutesAt('Europe/Berlin', Date.parse('2026-01-01T00:00:00Z'))).toBe(60);
  });
  it('puts a charge at 22:30 UTC on the 31st on the 1st in Moscow', () => {
    expect(localDateOf('2026-10-31T22:30:00Z', MSK)).toBe('2026-11-01');
    expect(localDateOf('2026-10-31T20:59:59Z', MSK)).toBe('2026-10-31');
    expect(localDateOf('2026-10-31T21:00:00Z', MSK)).toBe('2026-11-01');
    expect(localDateOf('2026-10-31T17:59:59Z', AST)).toBe('2026-10-31');
    expect(localDateOf('2026-10-31T18:00:00Z', AST)).toBe('2026-11-01');
    expect(localDateTimeOf('2026-12-31T22:30:00Z', MSK)).toBe('2027-01-01 01:30:00');
  });
  it('finds midnight of a local date in UTC', () => {
    expect(new Date(localMidnightUtc('2026-11-01', MSK)).toISOString()).toBe('2026-10-31T21:00:00.000Z');
    expect(new Date(localMidnightUtc('2026-11-01', AST)).toISOString()).toBe('2026-10-31T18:00:00.000Z');
    expect(new Date(localMidnightUtc('2026-03-29', 'Europe/Berlin')).toISOString()).toBe('2026-03-28T23:00:00.000Z');
  });
  it('starts weeks on Monday and months on the 1st', () => {
    expect(weekdayOf('2026-11-23')).toBe(0); // a Monday
    expect(bucketStart('2026-11-22', 'week')).toBe('2026-11-16');
    expect(bucketStart('2026-11-23', 'week')).toBe('2026-11-23');
    expect(bucketStart('2026-11-22', 'month')).toBe('2026-11-01');
    expect(bucketStart('2026-11-22', 'year')).toBe('2026-01-01');
    expect(nextBucket('2026-12-01', 'month')).toBe('2027-01-01');
    expect(nextBucket('2026-12-28', 'week')).toBe('2027-01-04');
  });
  it('lists buckets and counts days', () => {
    expect(bucketsBetween('2026-01-30', '2026-03-02', 'month')).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    expect(bucketsBetween('2026-11-01', '2026-11-03', 'day')).toEqual(['2026-11-01', '2026-11-02', '2026-11-03']);
    expect(daysInclusive('2026-02-01', '2026-02-28')).toBe(28);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });
  it('labels offsets', () => {
    expect(utcOffsetLabel(180)).toBe('UTC+3');
    expect(utcOffsetLabel(330)).toBe('UTC+5:30');
    expect(utcOffsetLabel(0)).toBe('UTC');
    expect(utcOffsetLabel(-120)).toBe('UTC−2');
  });
});
