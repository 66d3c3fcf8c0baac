import { MoneyFormatError, REDACTED, ReadError, RefundError, TransformError, createRefundError, describeError, scrubSecrets, secretForms } from './errors.js';
import { checkOptions } from './options.js';
import { at } from './read.js';
import { receive } from './receive.js';
import { newIdempotencyKey, sendWithRetries } from './transport.js';
import { validateInput } from './validate.js';
const MIB = 1_048_576;
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
    // A caller's fetch gets a Request, as the contract says; the global one gets url and init, which
    // saves building a second Request (and its body stream) on every attempt.
    const custom = options.fetch;
    const send = (url, init) => (custom === undefined ? globalThis.fetch(url, init) : custom(new Request(url, init)));
    const onAttemptEnd = (event) => call(hooks, 'onAttemptEnd', { provider, ...event });
    let sender;
    let loading;
    const prepare = () => (loading ??= loadShim().then((module) => {
        const shim = module.shim;
        const base = options.baseUrl ?? shim.baseUrl;
        const root = base.endsWith('/') ? base.slice(0, -1) : base;
        // Joined as openapi-fetch joins them, then normalized as a Request would (what hooks are told).
        const url = new URL(root + shim.path).href;
        return (sender = {
            shim,
            url,
            root,
            sign: shim.authenticator(options.credentials),
            policy: {
                provider,
                deduplicates: shim.deduplicates,
                // sendWithRetries' defaults (2 retries, 30 s) apply to what the caller left out.
                maxRetries: options.maxRetries,
                timeoutMs: options.timeoutMs,
                secrets,
                onAttemptEnd,
            },
        });
    }));
    /** One attempt: signed now (a signature's date moves), sent without following redirects, read bounded. */
    async function attempt({ shim, sign }, { url, body, headers, key }, signal, number) {
        const signing = sign(headers, body);
        if (signing !== undefined)
            await signing;
        if (hooks?.onAttempt)
            call(hooks, 'onAttempt', { provider, attempt: number, idempotencyKey: scrubSecrets(key, secrets), method: shim.method, url: scrubSecrets(url, secrets) });
        return receive(await send(url, { method: shim.method, headers, body, signal, redirect: 'manual' }), limit);
    }
    async function create(refundInput, callOptions = {}) {
        const ready = sender ?? await prepare();
        const { shim } = ready;
        validateInput(refundInput, shim.rules, provider);
        shim.check?.(refundInput, shim.constraints, provider);
        const key = refundInput.idempotencyKey ?? newIdempotencyKey();
        const request = build(ready, refundInput, key, secrets);
        const { signal } = callOptions;
        const result = await sendWithRetries((s, n) => attempt(ready, request, s, n), signal === undefined ? ready.policy : { ...ready.policy, signal });
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
/** The call's body text and headers; a value the shim cannot convert is the caller's invalid_request. */
function build({ shim, url, root }, input, key, secrets) {
    let made;
    try {
        made = shim.request(input, key);
    }
    catch (error) {
        throw error instanceof RefundError ? error : createRefundError({ code: 'invalid_request', provider: shim.provider, message: describeError(error) }, secrets);
    }
    const headers = { 'Content-Type': 'application/json' };
    for (const name in made.headers) {
        const value = made.headers[name];
        if (value !== undefined)
            headers[name] = String(value);
    }
    return { url: made.path === undefined ? url : new URL(root + made.path).href, body: JSON.stringify(made.body), headers, key };
}
function interpret(shim, result, input, secrets, limit) {
    const { provider } = shim;
    const { status, failure } = result;
    const fail = (code, message, raw) => createRefundError({ code, provider, httpStatus: status, message, raw }, secrets);
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
            if (text.includes('\\') || secretForms(secrets).some((form) => text.includes(form)))
                body = scrubSecrets(body, secrets);
        }
        catch {
            const authFailure = status === 401 || status === 403;
            throw fail(authFailure ? 'authentication_failed' : 'unexpected_response', `${provider} answered HTTP ${status} with a body that is not JSON${authFailure ? ' (authentication failed)' : ''}`, scrubSecrets(text, secrets).slice(0, 2000));
        }
    }
    let refund;
    try {
        // Headers as the shim reads them: each value it asks for, with echoed credentials redacted.
        const headers = { get: (name) => optional(result.headers.get(name), secrets) };
        refund = shim.interpret({ status, headers, body }, input);
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
    const rule = shim.errors.find((r) => r.status === status && (r.when?.(body) ?? true));
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
function optional(value, secrets) {
    return value === null ? null : scrubSecrets(value, secrets);
}
export { RefundError };
