import { MoneyFormatError, ReadError, RefundError, TransformError, createRefundError, scrubSecrets } from './errors.js';
import { newIdempotencyKey, sendWithRetries } from './transport.js';
import { checkCredentials, validateInput } from './validate.js';
export function createRefundsEngine(options, loadShim) {
    const { provider } = options;
    let ready;
    const prepare = () => (ready ??= loadShim().then((shim) => {
        const secrets = checkCredentials(options.credentials, shim.credentialFields, provider);
        const client = shim.createClient({
            credentials: options.credentials,
            ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
            ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
        });
        return { shim, client, secrets };
    }));
    async function create(input, callOptions = {}) {
        const { shim, client, secrets } = await prepare();
        validateInput(input, shim.rules, provider);
        const key = input.idempotencyKey ?? newIdempotencyKey();
        const baseFetch = options.fetch ?? ((request) => globalThis.fetch(request));
        const result = await sendWithRetries(async (signal) => {
            let captured;
            // The per-request fetch keeps the exact bytes the provider sent and hands openapi-fetch an empty
            // response: the shim reads the body from these bytes, so nothing is parsed (or teed) twice.
            const fetch = async (request) => {
                const response = await baseFetch(request);
                captured = { status: response.status, headers: response.headers, bodyText: await response.text() };
                return new Response(null, { status: response.status, headers: response.headers });
            };
            await shim.send(client, input, key, { signal, fetch, parseAs: 'stream' });
            return captured;
        }, {
            provider,
            deduplicates: shim.deduplicates,
            maxRetries: options.maxRetries ?? 2,
            timeoutMs: options.timeoutMs ?? 30_000,
            secrets,
            ...(callOptions.signal === undefined ? {} : { signal: callOptions.signal }),
        });
        return interpret(shim, result, input, secrets);
    }
    return { provider, refunds: { create } };
}
function interpret(shim, result, input, secrets) {
    const { provider } = shim;
    const { status } = result;
    const fail = (code, message, raw) => createRefundError({ code, provider, httpStatus: status, message, ...(raw === undefined ? {} : { raw }) }, secrets);
    let body;
    if (result.bodyText.trim() !== '') {
        try {
            body = JSON.parse(result.bodyText);
        }
        catch {
            const authFailure = status === 401 || status === 403;
            throw fail(authFailure ? 'authentication_failed' : 'unexpected_response', `${provider} answered HTTP ${status} with a body that is not JSON${authFailure ? ' (authentication failed)' : ''}`, result.bodyText.slice(0, 2000));
        }
    }
    let refund;
    try {
        refund = shim.interpret({ status, headers: result.headers, body }, input);
    }
    catch (error) {
        if (error instanceof ReadError || error instanceof TransformError || error instanceof MoneyFormatError) {
            throw fail('unexpected_response', `${provider} answered HTTP ${status} with a body paykit cannot read: ${error.message}`, body);
        }
        throw error;
    }
    // Scrubbing copies the whole refund; skip it when no secret can be inside (the usual case).
    if (refund !== undefined)
        return mayContain(result.bodyText, secrets) ? scrubSecrets(refund, secrets) : refund;
    const rule = shim.errors.find((r) => r.status === status && matches(r.when, body));
    const detail = rule?.message === undefined ? undefined : at(body, rule.message);
    const said = typeof detail === 'string' && detail !== '' ? `: ${detail}` : '';
    if (rule !== undefined)
        throw fail(rule.code, `${provider} refused the refund with HTTP ${status}${said}`, body);
    if (status === 401 || status === 403)
        throw fail('authentication_failed', `${provider} rejected the credentials (HTTP ${status})`, body);
    if (status >= 400 && status < 500)
        throw fail('invalid_request', `${provider} refused the request with HTTP ${status}`, body);
    throw fail('unexpected_response', `${provider} answered HTTP ${status}, which its mapping does not describe`, body);
}
/**
 * The forms scrubSecrets removes: the secret itself and its percent-encoding. A secret JSON would
 * escape (quotes, backslashes, anything outside printable ASCII) may hide in the text, so it always counts.
 */
function mayContain(text, secrets) {
    return secrets.some((secret) => !/^[\x20-\x7e]*$/.test(secret) || /["\\]/.test(secret)
        || text.includes(secret) || text.includes(encodeURIComponent(secret)));
}
/** Follows a path of property names through parsed JSON; anything missing gives undefined. */
function at(value, path) {
    let current = value;
    for (const key of path) {
        if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key))
            return undefined;
        current = current[key];
    }
    return current;
}
function matches(when, body) {
    if (when === undefined)
        return true;
    if ('present' in when) {
        const value = at(body, when.present);
        return value !== undefined && value !== null && value !== '';
    }
    return at(body, when.equals.path) === when.equals.value;
}
export { RefundError };
