/** Minor units → the major-unit decimal a provider's request wants. */
import { MoneyFormatError } from './errors.js';
import { requireExponent } from './money.js';
import { minorToDigitString } from './minor.js';
/** 1450 USD → "14.50", 5 JPY → "5", 1234 KWD → "1.234": always exactly `exponent` fraction digits. */
export function minorToMajorDecimal(value, currency) {
    const exponent = requireExponent(currency);
    const digits = minorToDigitString(value);
    if (exponent === 0)
        return digits;
    const sign = value < 0 ? '-' : '';
    const padded = digits.slice(sign.length).padStart(exponent + 1, '0');
    return `${sign}${padded.slice(0, -exponent)}.${padded.slice(-exponent)}`;
}
/**
 * 1450 USD → 14.5 as a JS number, for providers whose JSON wants a number.
 * Why this is exact: Number("14.50") is the double nearest to 14.50, and
 * JSON.stringify prints the shortest string that reads back as that same double,
 * which for any decimal of ≤ 15 significant digits is that decimal itself
 * ("14.5", trailing zeros dropped). So the provider receives the exact digits;
 * no arithmetic on doubles happens anywhere.
 */
export function minorToMajorNumber(value, currency, options = {}) {
    const exponent = requireExponent(currency);
    const { maxFractionDigits } = options;
    if (maxFractionDigits !== undefined && exponent > maxFractionDigits) {
        throw new MoneyFormatError(`${currency} has ${exponent} fraction digits but the provider accepts at most ${maxFractionDigits}`);
    }
    // Up to 15 significant digits survive decimal → double → shortest decimal unchanged (DBL_DIG).
    if (Number.isSafeInteger(value) && Math.abs(value) > 999_999_999_999_999) {
        throw new MoneyFormatError(`${value} ${currency} has more than 15 significant digits and cannot be sent as an exact JSON number`);
    }
    const result = Number(minorToMajorDecimal(value, currency));
    return result === 0 ? 0 : result;
}
