// Not sendable in an HTTP header: CR, LF, NUL, or a character beyond Latin-1.
const UNSENDABLE = /[\r\n\0]|[^\0-\xff]/;
// [option, min, max, integer]
const NUMBERS = [
    ['maxRetries', 0, 10, true],
    ['timeoutMs', 1, 600_000, false],
    ['maxResponseBytes', 1, Number.MAX_SAFE_INTEGER, true],
];
/** The provider's entry and the credential values (every one a secret), or a TypeError/RangeError. */
export function checkOptions(options, providers) {
    if (!isRecord(options))
        throw new TypeError('createRefundsClient options must be an object');
    const { provider, credentials, baseUrl, hooks } = options;
    if (typeof provider !== 'string')
        throw new TypeError('provider must be a string');
    if (!Object.hasOwn(providers, provider))
        throw new RangeError(`provider must be one of ${Object.keys(providers).join(', ')}`);
    const entry = providers[provider];
    if (!isRecord(credentials))
        throw new TypeError(`credentials must be an object with ${entry[0].join(', ')}`);
    const secrets = entry[0].map((field) => {
        const value = credentials[field];
        const name = `credentials.${field}`;
        if (typeof value !== 'string')
            throw new TypeError(`${name} must be a string`);
        if (value === '' || UNSENDABLE.test(value))
            throw new RangeError(`${name} must be a non-empty string an HTTP header can carry (no CR, LF, NUL or non-Latin-1)`);
        return value;
    });
    for (const [name, min, max, integer] of NUMBERS) {
        const value = options[name];
        if (value === undefined)
            continue;
        if (typeof value !== 'number')
            throw new TypeError(`${name} must be a number`);
        // The range test is false for NaN and catches ±Infinity.
        if ((integer && !Number.isInteger(value)) || !(value >= min && value <= max)) {
            throw new RangeError(`${name} must be ${integer ? 'an integer' : 'a finite number'} from ${min} to ${max}, got ${value}`);
        }
    }
    if (baseUrl !== undefined && !httpUrl(baseUrl))
        throw new (typeof baseUrl === 'string' ? RangeError : TypeError)('baseUrl must be an absolute http: or https: URL without user name or password');
    if (hooks !== undefined && !isRecord(hooks))
        throw new TypeError('hooks must be an object');
    for (const [name, value] of [['fetch', options.fetch], ['hooks.onAttempt', hooks?.onAttempt], ['hooks.onAttemptEnd', hooks?.onAttemptEnd]]) {
        if (value !== undefined && typeof value !== 'function')
            throw new TypeError(`${name} must be a function`);
    }
    return [entry, secrets];
}
function httpUrl(text) {
    try {
        const url = new URL(text);
        return typeof text === 'string' && /^https?:$/.test(url.protocol) && url.username === '' && url.password === '';
    }
    catch {
        return false;
    }
}
/** A non-null, non-array object (what options, credentials and refund input must be). */
export function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
