import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENCY_EXPONENTS } from '../../templates/refunds/runtime/currencies.generated.js';
import { RefundError } from '../../templates/refunds/runtime/errors.js';
import { majorDecimalToMinor } from '../../templates/refunds/runtime/decimal.js';
import { minorToMajorDecimal, minorToMajorNumber } from '../../templates/refunds/runtime/major.js';
import { digitStringToMinor, minorToDigitString } from '../../templates/refunds/runtime/minor.js';
import {
  checkMoney,
  currencyExponent,
  MoneyFormatError,
} from '../../templates/refunds/runtime/money.js';

const CODES = Object.keys(CURRENCY_EXPONENTS);
const anyCurrency = fc.constantFrom(...CODES);
const safeInteger = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });

describe('currencyExponent', () => {
  it.each([
    ['USD', 2], ['JPY', 0], ['KWD', 3], ['CLF', 4],
    ['usd', undefined], ['XXX', undefined], ['constructor', undefined], ['__proto__', undefined], ['', undefined],
  ])('%s → %s', (code, exponent) => {
    expect(currencyExponent(code)).toBe(exponent);
  });
});

describe('checkMoney', () => {
  it('returns a clean copy of valid money', () => {
    expect(checkMoney({ value: 1450, currency: 'USD', extra: 1 }, 'amount', 'example-provider')).toEqual({ value: 1450, currency: 'USD' });
  });

  it.each([
    ['not an object', 12, /^amount must be an object/],
    ['null', null, /^amount must be an object/],
    ['array', [1450, 'USD'], /^amount must be an object/],
    ['fraction', { value: 12.5, currency: 'USD' }, /^amount\.value must be a positive integer number of minor units, got 12\.5$/],
    ['string value', { value: '1450', currency: 'USD' }, /got "1450"$/],
    ['missing value', { currency: 'USD' }, /amount\.value .* got undefined$/],
    ['zero', { value: 0, currency: 'USD' }, /amount\.value .* got 0$/],
    ['negative', { value: -5, currency: 'USD' }, /amount\.value .* got -5$/],
    ['NaN', { value: Number.NaN, currency: 'USD' }, /got NaN$/],
    ['Infinity', { value: Number.POSITIVE_INFINITY, currency: 'USD' }, /got Infinity$/],
    ['unsafe', { value: 2 ** 53, currency: 'USD' }, /above Number\.MAX_SAFE_INTEGER/],
    ['lower-case', { value: 1, currency: 'usd' }, /amount\.currency .*use upper-case ISO 4217, e\.g\. USD, got "usd"/],
    ['malformed', { value: 1, currency: 'US$' }, /use upper-case ISO 4217, e\.g\. USD/],
    ['not a string', { value: 1, currency: 840 }, /use upper-case ISO 4217, e\.g\. USD, got 840/],
    ['unknown', { value: 1, currency: 'ABC' }, /amount\.currency "ABC" is not a known ISO 4217 currency/],
    ['N.A. minor unit', { value: 1, currency: 'XAU' }, /is not a known ISO 4217 currency/],
  ])('rejects %s', (_name, input, message) => {
    let thrown: unknown;
    try {
      checkMoney(input, 'amount', 'example-provider');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RefundError);
    const error = thrown as RefundError;
    expect(error.code).toBe('invalid_request');
    expect(error.provider).toBe('example-provider');
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(message);
  });
});

describe('minorToMajorDecimal', () => {
  it.each([
    [1450, 'USD', '14.50'], [5, 'JPY', '5'], [1234, 'KWD', '1.234'], [1, 'USD', '0.01'], [0, 'USD', '0.00'],
    [7, 'KWD', '0.007'], [-1450, 'USD', '-14.50'], [-5, 'USD', '-0.05'], [12345, 'CLF', '1.2345'],
    [Number.MAX_SAFE_INTEGER, 'USD', '90071992547409.91'],
  ])('%i %s → %s', (value, currency, expected) => {
    expect(minorToMajorDecimal(value, currency)).toBe(expected);
  });

  it.each([[1.5, 'USD'], [2 ** 53, 'USD'], [Number.NaN, 'USD'], [1, 'XXX'], [1, 'usd']])('rejects %s %s', (value, currency) => {
    expect(() => minorToMajorDecimal(value, currency)).toThrow(MoneyFormatError);
  });
});

describe('majorDecimalToMinor', () => {
  it.each([
    ['14.5', 'USD', 1450], ['14.50', 'USD', 1450], [14.5, 'USD', 1450], ['14', 'USD', 1400],
    [4.35, 'USD', 435], ['4.35', 'USD', 435], [0.3, 'USD', 30], [1.1, 'USD', 110],
    [8.2, 'USD', 820], [0.07, 'USD', 7], [19.99, 'USD', 1999], ['0', 'USD', 0], ['-0', 'USD', 0], ['-3.10', 'USD', -310],
    ['5', 'JPY', 5], ['100.00', 'JPY', 100], [100, 'JPY', 100], ['1.234', 'KWD', 1234], ['1.2', 'KWD', 1200],
    ['1e2', 'USD', 10000], ['1.45e1', 'USD', 1450], ['145E-1', 'USD', 1450], [1e21, 'JPY', undefined],
    ['0001.50', 'USD', 150], ['90071992547409.91', 'USD', Number.MAX_SAFE_INTEGER], ['1.2345', 'CLF', 12345],
  ])('%s %s → %s', (input, currency, expected) => {
    if (expected === undefined) expect(() => majorDecimalToMinor(input, currency)).toThrow(MoneyFormatError);
    else expect(majorDecimalToMinor(input, currency)).toBe(expected);
  });

  it('does not fall into the float multiplication trap the naive code does', () => {
    expect(4.35 * 100).not.toBe(435);
    expect(majorDecimalToMinor(4.35, 'USD')).toBe(435);
  });

  it.each([
    ['1.005', 'USD', /more fraction digits than USD allows \(2\)/],
    [1.005, 'USD', /more fraction digits/],
    [0.1 + 0.2, 'USD', /more fraction digits/], // 0.30000000000000004
    ['14.5', 'JPY', /more fraction digits than JPY allows \(0\)/],
    ['1.2345', 'KWD', /more fraction digits/],
    ['1e-3', 'USD', /more fraction digits/],
    ['', 'USD', /not a decimal number/], ['14.', 'USD', /not a decimal number/], ['.5', 'USD', /not a decimal number/],
    ['1,50', 'USD', /not a decimal number/], [' 1.50', 'USD', /not a decimal number/], ['+1', 'USD', /not a decimal number/],
    ['0x10', 'USD', /not a decimal number/], ['1e', 'USD', /not a decimal number/], ['NaN', 'USD', /not a decimal number/],
    [Number.NaN, 'USD', /finite/], [Number.POSITIVE_INFINITY, 'USD', /finite/],
    ['1e999999', 'USD', /out-of-range exponent/], ['90071992547409.92', 'USD', /safe integer/], ['1e30', 'USD', /safe integer/],
    ['1.00', 'XXX', /unknown ISO 4217 currency/],
  ])('rejects %s %s', (input, currency, message) => {
    expect(() => majorDecimalToMinor(input, currency)).toThrow(MoneyFormatError);
    expect(() => majorDecimalToMinor(input, currency)).toThrow(message);
  });
});

describe('digit strings', () => {
  it.each([[1450, '1450'], [0, '0'], [-0, '0'], [-7, '-7'], [Number.MAX_SAFE_INTEGER, '9007199254740991']])('%s ↔ %s', (value, text) => {
    expect(minorToDigitString(value)).toBe(text);
    expect(digitStringToMinor(text)).toBe(value === 0 ? 0 : value);
  });

  it.each([['1.5'], ['1e3'], [''], ['12a'], ['9007199254740992'], ['+1']])('digitStringToMinor rejects %j', (text) => {
    expect(() => digitStringToMinor(text)).toThrow(MoneyFormatError);
  });

  it.each([[1.5], [1e21], [Number.NaN]])('minorToDigitString rejects %s', (value) => {
    expect(() => minorToDigitString(value)).toThrow(MoneyFormatError);
  });
});

describe('minorToMajorNumber', () => {
  it.each([
    [1450, 'USD', 14.5], [5, 'JPY', 5], [1234, 'KWD', 1.234], [435, 'USD', 4.35], [1, 'USD', 0.01], [0, 'USD', 0],
  ])('%i %s → %s', (value, currency, expected) => {
    expect(minorToMajorNumber(value, currency)).toBe(expected);
  });

  it('serialises without float noise', () => {
    expect(JSON.stringify({ amount: minorToMajorNumber(435, 'USD') })).toBe('{"amount":4.35}');
    expect(JSON.stringify(minorToMajorNumber(30, 'USD'))).toBe('0.3');
  });

  it('refuses a currency with more fraction digits than the provider accepts', () => {
    expect(() => minorToMajorNumber(1234, 'KWD', { maxFractionDigits: 2 })).toThrow(MoneyFormatError);
    expect(() => minorToMajorNumber(1234, 'KWD', { maxFractionDigits: 2 })).toThrow(/KWD has 3 fraction digits .* at most 2/);
    expect(minorToMajorNumber(1450, 'USD', { maxFractionDigits: 2 })).toBe(14.5);
    expect(minorToMajorNumber(5, 'JPY', { maxFractionDigits: 0 })).toBe(5);
  });

  it('refuses amounts with more than 15 significant digits', () => {
    expect(() => minorToMajorNumber(Number.MAX_SAFE_INTEGER, 'USD')).toThrow(/15 significant digits/);
    expect(minorToMajorNumber(999_999_999_999_999, 'USD')).toBe(9_999_999_999_999.99);
  });
});

describe('properties over every currency in CURRENCY_EXPONENTS', () => {
  it('minor → major decimal → minor round-trips exactly for any safe integer', () => {
    fc.assert(
      fc.property(anyCurrency, safeInteger, (currency, value) => {
        expect(majorDecimalToMinor(minorToMajorDecimal(value, currency), currency)).toBe(value === 0 ? 0 : value);
      }),
      { numRuns: 5000 },
    );
  });

  it('every currency is exercised at least once', () => {
    for (const currency of CODES) {
      expect(majorDecimalToMinor(minorToMajorDecimal(123456789, currency), currency)).toBe(123456789);
    }
  });

  it('the decimal string has exactly `exponent` fraction digits', () => {
    fc.assert(
      fc.property(anyCurrency, safeInteger, (currency, value) => {
        const exponent = CURRENCY_EXPONENTS[currency] ?? -1;
        const decimal = minorToMajorDecimal(value, currency);
        const fraction = decimal.split('.')[1];
        if (exponent === 0) expect(fraction).toBeUndefined();
        else expect(fraction).toHaveLength(exponent);
        expect(decimal.replace(/[-.]/g, '').replace(/^0+(?=\d)/, '')).toBe(String(Math.abs(value)));
      }),
      { numRuns: 5000 },
    );
  });

  it('minorToMajorNumber JSON-serialises to the same digits (trailing zeros aside), amounts up to 1e12, exponent ≤ 2', () => {
    const smallExponentCodes = CODES.filter((code) => (CURRENCY_EXPONENTS[code] ?? 99) <= 2);
    fc.assert(
      fc.property(fc.constantFrom(...smallExponentCodes), fc.integer({ min: 0, max: 1e12 }), (currency, value) => {
        const decimal = minorToMajorDecimal(value, currency);
        const expected = decimal.includes('.') ? decimal.replace(/0+$/, '').replace(/\.$/, '') : decimal;
        const json = JSON.stringify(minorToMajorNumber(value, currency, { maxFractionDigits: 2 }));
        expect(json).toBe(expected);
        expect(majorDecimalToMinor(JSON.parse(json) as number, currency)).toBe(value);
      }),
      { numRuns: 5000 },
    );
  });

  it('minorToMajorNumber is exact for any amount it accepts, any exponent', () => {
    fc.assert(
      fc.property(anyCurrency, fc.integer({ min: -999_999_999_999_999, max: 999_999_999_999_999 }), (currency, value) => {
        expect(majorDecimalToMinor(minorToMajorNumber(value, currency), currency)).toBe(value === 0 ? 0 : value);
      }),
      { numRuns: 5000 },
    );
  });
});
