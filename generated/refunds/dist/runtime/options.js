// Not sendable in an HTTP header: CR, LF, NUL, or a character beyond Latin-1.
const UNSENDABLE = /[\r\n\0]|[^\0-\xff]/;
/** The provider's entry and the credential values (every one a secret), or a TypeError/RangeError. */
export function checkOptions(options, providers) {
    if (!isRecord(options))
        throw new TypeError('createRefundsClient options must be an object');
    const { provider, credentials, baseUrl, fetch, hooks } = options;
    if (typeof provider !== 'string')
        throw new TypeError('provider must be a string');
    if (!Object.hasOwn(providers, provider))
        throw new RangeError(`provider must be one of ${Object.keys(providers).join(', ')}`);
    const entry = providers[provider];
    if (!isRecord(credentials))
        throw new TypeError(`credentials must be an object with ${entry[0].join(', ')}`);
    const secrets = entry[0].map((field) => {
        const value = credentials[field];
        if (typeof value !== 'string')
            throw new TypeError(`credentials.${field} must be a string`);
        if (value === '')
            throw new RangeError(`credentials.${field} must not be empty`);
        if (UNSENDABLE.test(value))
            throw new RangeError(`credentials.${field} contains a character an HTTP header cannot carry (CR, LF, NUL or beyond Latin-1)`);
        return value;
    });
    number(options, 'maxRetries', 0, 10, true);
    number(options, 'timeoutMs', 1, 600_000, false);
    number(options, 'maxResponseBytes', 1, Number.MAX_SAFE_INTEGER, true);
    if (baseUrl !== undefined) {
        if (typeof baseUrl !== 'string')
            throw new TypeError('baseUrl must be a string');
        if (!httpUrl(baseUrl))
            throw new RangeError('baseUrl must be an absolute http: or https: URL without user name or password');
    }
    if (fetch !== undefined && typeof fetch !== 'function')
        throw new TypeError('fetch must be a function');
    if (hooks !== undefined) {
        if (!isRecord(hooks))
            throw new TypeError('hooks must be an object');
        for (const name of ['onAttempt', 'onAttemptEnd']) {
            if (hooks[name] !== undefined && typeof hooks[name] !== 'function')
                throw new TypeError(`hooks.${name} must be a function`);
        }
    }
    return [entry, secrets];
}
function number(options, name, min, max, integer) {
    const value = options[name];
    if (value === undefined)
        return;
    if (typeof value !== 'number')
        throw new TypeError(`${name} must be a number`);
    if (!(integer ? Number.isInteger(value) : Number.isFinite(value)) || value < min || value > max) {
        throw new RangeError(`${name} must be ${integer ? 'an integer' : 'a finite number'} from ${min} to ${max}, got ${value}`);
    }
}
function httpUrl(text) {
    try {
        const url = new URL(text);
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
    }
    catch {
        return false;
    }
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
