import { MoneyFormatError, REDACTED, ReadError, RefundError, TransformError, createRefundError, scrubSecrets, secretForms } from './errors.js';
import { checkOptions } from './options.js';
import { receive } from './receive.js';
import { newIdempotencyKey, sendWithRetries } from './transport.js';
import { validateInput } from './validate.js';
const MIB = 1_048_576;
// What openapi-fetch gets back: the body was already read (bounded) by the fetch wrapper.
const READ = { status: 204 };
/** Calls a hook so that nothing it does (throw, reject) reaches the refund. */
function call(hooks, name, event) {
    try {
        const result = hooks?.[name]?.(event);
        if (result instanceof Promise)
            result.catch(() => { });
    }
    catch {
        // a hook's failure is the hook's business
    }
}
export function createRefundsEngine(input, providers) {
    // Every credential value is a secret; its echoed forms are worked out once, here.
    const [[, loadShim], secrets] = checkOptions(input, providers);
    secretForms(secrets);
    const options = input;
    const { provider, hooks } = options;
    const limit = options.maxResponseBytes ?? MIB;
    const baseFetch = options.fetch ?? ((request) => globalThis.fetch(request));
    const onAttemptEnd = (event) => call(hooks, 'onAttemptEnd', { provider, ...event });
    let ready;
    const prepare = () => (ready ??= loadShim().then((loaded) => {
        const shim = loaded;
        const client = shim.createClient({
            credentials: options.credentials,
            ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
        });
        return { shim, client };
    }));
    async function create(refundInput, callOptions = {}) {
        const { shim, client } = await prepare();
        validateInput(refundInput, shim.rules, provider);
        shim.check?.(refundInput);
        const key = refundInput.idempotencyKey ?? newIdempotencyKey();
        const result = await sendWithRetries(async (signal, attempt) => {
            let received;
            const fetch = async (request) => {
                if (hooks?.onAttempt)
                    call(hooks, 'onAttempt', { provider, attempt, idempotencyKey: scrubSecrets(key, secrets), method: request.method, url: scrubSecrets(request.url, secrets) });
                received = await receive(await baseFetch(request), limit);
                return new Response(null, READ);
            };
            await shim.send(client, refundInput, key, { signal, fetch, parseAs: 'text', redirect: 'manual' });
            if (received === undefined)
                throw new Error('the request was never sent'); // a middleware answered itself
            return received;
        }, {
            provider,
            deduplicates: shim.deduplicates,
            maxRetries: options.maxRetries ?? 2,
            timeoutMs: options.timeoutMs ?? 30_000,
            secrets,
            ...(hooks?.onAttemptEnd ? { onAttemptEnd } : {}),
            ...(callOptions.signal === undefined ? {} : { signal: callOptions.signal }),
        });
        const end = { attempt: result.attempt, durationMs: result.durationMs, httpStatus: result.status, willRetry: false };
        try {
            const refund = interpret(shim, result, refundInput, secrets, limit);
            onAttemptEnd(end);
            return refund;
        }
        catch (error) {
            onAttemptEnd(error instanceof RefundError ? { ...end, errorCode: error.code } : end);
            throw error;
        }
    }
    return { provider, refunds: { create } };
}
function interpret(shim, result, input, secrets, limit) {
    const { provider } = shim;
    const { status, failure } = result;
    const fail = (code, message, raw) => createRefundError({ code, provider, httpStatus: status, message, ...(raw === undefined ? {} : { raw }) }, secrets);
    if (failure === 'redirect')
        throw fail('unexpected_response', `${provider} answered with a redirect (HTTP ${status}); paykit never follows one`);
    if (failure === 'too_large')
        throw fail('unexpected_response', `${provider} answered HTTP ${status} with a body over maxResponseBytes (${limit} bytes); it was not read`);
    // Everything the shim reads is scrubbed first, parsed values included: a JSON-escaped echo
    // ("PUSH\/SECRET") is only the secret once decoded, so scrubbing the text alone would miss it.
    const text = result.bodyText;
    let body;
    if (text.trim() !== '') {
        try {
            body = JSON.parse(text);
            // Without a backslash every JSON string is verbatim in the text, so a clean text is a clean body.
            if (text.includes('\\') || mentions(text, secrets))
                body = scrubSecrets(body, secrets);
        }
        catch {
            const authFailure = status === 401 || status === 403;
            throw fail(authFailure ? 'authentication_failed' : 'unexpected_response', `${provider} answered HTTP ${status} with a body that is not JSON${authFailure ? ' (authentication failed)' : ''}`, scrubSecrets(text, secrets).slice(0, 2000));
        }
    }
    let refund;
    try {
        refund = shim.interpret({ status, headers: new ScrubbedHeaders(result.headers, secrets), body }, input);
        // An id that echoed a credential (an `identifier: Bearer <token>` header) is refused, not returned.
        if (refund !== undefined && refund.id.includes(REDACTED))
            throw new ReadError('id echoes a credential');
    }
    catch (error) {
        if (error instanceof ReadError || error instanceof TransformError || error instanceof MoneyFormatError) {
            throw fail('unexpected_response', `${provider} answered HTTP ${status} with a body paykit cannot read: ${error.message}`, body);
        }
        throw error;
    }
    if (refund !== undefined)
        return refund;
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
/** Headers as the shim reads them: each value it asks for, with echoed credentials redacted. */
class ScrubbedHeaders {
    headers;
    secrets;
    constructor(headers, secrets) {
        this.headers = headers;
        this.secrets = secrets;
    }
    get(name) {
        const value = this.headers.get(name);
        return value === null ? null : scrubSecrets(value, this.secrets);
    }
}
function mentions(text, secrets) {
    return secretForms(secrets).some((form) => text.includes(form));
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
