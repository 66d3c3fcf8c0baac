import { describe, expect, it } from 'vitest';
import { MoneyFormatError } from '../../templates/refunds/runtime/money.js';
import {
  epochMillisToIso,
  epochSecondsToIso,
  isoToIso,
  lowerCase,
  majorToMinor,
  mapEnum,
  minorToMajorDecimal,
  minorToMajorNumber,
  minorToString,
  naiveUtcDateTimeToIso,
  stringToMinor,
  TransformError,
  transforms,
  upperCase,
} from '../../templates/refunds/runtime/transforms.js';

describe('transforms record', () => {
  it('exposes every named transform as the same function', () => {
    expect(Object.keys(transforms).sort()).toEqual([
      'epochMillisToIso', 'epochSecondsToIso', 'isoToIso', 'lowerCase', 'majorToMinor', 'mapEnum',
      'minorToMajorDecimal', 'minorToMajorNumber', 'minorToString', 'naiveUtcDateTimeToIso', 'stringToMinor', 'upperCase',
    ]);
    expect(transforms.isoToIso).toBe(isoToIso);
    expect(transforms.minorToMajorNumber).toBe(minorToMajorNumber);
  });
});

describe('money transforms', () => {
  it.each([
    [() => minorToMajorNumber(1450, 'USD'), 14.5],
    [() => minorToMajorDecimal(1450, 'USD'), '14.50'],
    [() => majorToMinor('14.50', 'USD'), 1450],
    [() => majorToMinor(4.35, 'USD'), 435],
    [() => minorToString(1450), '1450'],
    [() => minorToString(0), '0'],
    [() => stringToMinor('1450'), 1450],
    [() => stringToMinor('007'), 7],
  ])('case %#', (run, expected) => {
    expect(run()).toBe(expected);
  });

  it.each([['-1'], ['14.50'], ['1e3'], [' 1'], [''], ['١٢']])('stringToMinor rejects %j', (text) => {
    expect(() => stringToMinor(text)).toThrow(MoneyFormatError);
  });

  it.each([[-1], [1.5], [Number.NaN], [2 ** 53]])('minorToString rejects %s', (value) => {
    expect(() => minorToString(value)).toThrow(MoneyFormatError);
  });
});

describe('date transforms', () => {
  it.each([
    [() => epochSecondsToIso(1700000000), '2023-11-14T22:13:20.000Z'],
    [() => epochSecondsToIso(0), '1970-01-01T00:00:00.000Z'],
    [() => epochSecondsToIso(1700000000.123), '2023-11-14T22:13:20.123Z'],
    [() => epochMillisToIso(1700000000000), '2023-11-14T22:13:20.000Z'],
    [() => naiveUtcDateTimeToIso('2024-05-01 13:45:09'), '2024-05-01T13:45:09.000Z'],
    [() => naiveUtcDateTimeToIso('2024-05-01T13:45:09'), '2024-05-01T13:45:09.000Z'],
    [() => naiveUtcDateTimeToIso('2024-02-29 23:59:59.5'), '2024-02-29T23:59:59.500Z'],
    [() => naiveUtcDateTimeToIso('0050-01-01 00:00:00'), '0050-01-01T00:00:00.000Z'],
    [() => isoToIso('2024-05-01T13:45:09Z'), '2024-05-01T13:45:09.000Z'],
    [() => isoToIso('2024-05-01T15:45:09+02:00'), '2024-05-01T13:45:09.000Z'],
    [() => isoToIso('2024-05-01T08:15:09.123456-0530'), '2024-05-01T13:45:09.123Z'],
    [() => isoToIso('2024-01-01T00:30:00+01:00'), '2023-12-31T23:30:00.000Z'],
    [() => isoToIso('2024-05-01T13:45Z'), '2024-05-01T13:45:00.000Z'],
    [() => isoToIso('2024-05-01t13:45:09z'), '2024-05-01T13:45:09.000Z'],
  ])('case %#', (run, expected) => {
    expect(run()).toBe(expected);
  });

  it.each([
    ['naive with zone', () => naiveUtcDateTimeToIso('2024-05-01 13:45:09Z')],
    ['naive no seconds', () => naiveUtcDateTimeToIso('2024-05-01 13:45')],
    ['naive Feb 30', () => naiveUtcDateTimeToIso('2024-02-30 10:00:00')],
    ['naive non-leap Feb 29', () => naiveUtcDateTimeToIso('2023-02-29 10:00:00')],
    ['naive hour 24', () => naiveUtcDateTimeToIso('2024-05-01 24:00:00')],
    ['naive second 60', () => naiveUtcDateTimeToIso('2024-05-01 23:59:60')],
    ['naive garbage', () => naiveUtcDateTimeToIso('May 1 2024')],
    ['naive number', () => naiveUtcDateTimeToIso(1700000000 as unknown as string)],
    ['iso without zone', () => isoToIso('2024-05-01T13:45:09')],
    ['iso date only', () => isoToIso('2024-05-01')],
    ['iso month 13', () => isoToIso('2024-13-01T00:00:00Z')],
    ['iso offset minutes 60', () => isoToIso('2024-05-01T00:00:00+01:60')],
    ['iso RFC 2822', () => isoToIso('Wed, 01 May 2024 13:45:09 GMT')],
    ['epoch NaN', () => epochSecondsToIso(Number.NaN)],
    ['epoch string', () => epochSecondsToIso('1700000000' as unknown as number)],
    ['epoch out of range', () => epochMillisToIso(9e15)],
  ])('rejects %s', (_name, run) => {
    expect(run).toThrow(TransformError);
  });
});

describe('string and enum transforms', () => {
  it('changes case locale-independently', () => {
    expect(upperCase('usd')).toBe('USD');
    expect(lowerCase('SUCCEEDED')).toBe('succeeded');
    expect(upperCase('i')).toBe('I');
    expect(() => upperCase(1 as unknown as string)).toThrow(TransformError);
  });

  const table = { succeeded: 'succeeded', pending: 'pending', failed: 'failed', in_progress: 'pending' } as const;

  it.each([
    ['succeeded', 'succeeded'],
    ['in_progress', 'pending'],
  ])('maps %s → %s', (value, expected) => {
    expect(mapEnum(table, value)).toBe(expected);
  });

  it('uses the fallback for unknown values when given', () => {
    expect(mapEnum(table, 'weird', 'pending')).toBe('pending');
    expect(mapEnum(table, 'toString', 'pending')).toBe('pending');
  });

  it('throws for unknown values without a fallback, listing the known ones', () => {
    expect(() => mapEnum(table, 'weird')).toThrow(TransformError);
    expect(() => mapEnum(table, 'weird')).toThrow(/unknown value "weird"; expected one of "succeeded", "pending"/);
    expect(() => mapEnum(table, 'constructor')).toThrow(TransformError);
  });
});
