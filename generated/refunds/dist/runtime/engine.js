import { REDACTED, ReadError, RefundError, createRefundError, describeError, scrubSecrets, secretForms } from './errors.js';
import { checkOptions } from './options.js';
import { at } from './read.js';
import { receive } from './receive.js';
import { sendWithRetries } from './transport.js';
import { validateInput } from './validate.js';
const MIB = 1_048_576;
/** Calls a hook so that nothing it does (throw, reject) reaches the refund. */
function call(hook, event) {
    try {
        const result = hook?.(event);
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
    const { provider, hooks, fetch: custom, maxResponseBytes: limit = MIB } = options;
    // A caller's fetch gets a Request, as the contract says; the global one gets url and init, which
    // saves building a second Request (and its body stream) on every attempt.
    const send = (url, init) => (custom === undefined ? fetch(url, init) : custom(new Request(url, init)));
    const reject = (message) => {
        throw new RefundError({ code: 'invalid_request', provider, message });
    };
    const onAttemptEnd = (event) => call(hooks?.onAttemptEnd, { provider, ...event });
    let sender;
    let loading;
    const prepare = () => (loading ??= loadShim().then((module) => {
        const shim = module.shim;
        const base = options.baseUrl ?? shim.baseUrl;
        const root = base.endsWith('/') ? base.slice(0, -1) : base;
        return (sender = {
            shim,
            // Joined as openapi-fetch joins them, then normalized as a Request would (what hooks are told).
            url: new URL(root + shim.path).href,
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
    async function attempt({ shim: { method }, sign }, { url, body, headers, key }, signal, number) {
        await sign(headers, body);
        if (hooks?.onAttempt)
            call(hooks.onAttempt, { provider, attempt: number, idempotencyKey: scrubSecrets(key, secrets), method, url: scrubSecrets(url, secrets) });
        return receive(await send(url, { method, headers, body, signal, redirect: 'manual' }), limit);
    }
    async function create(refundInput, { signal } = {}) {
        const ready = sender ?? await prepare();
        const { shim } = ready;
        validateInput(refundInput, shim.rules, provider, reject);
        shim.check?.(refundInput, reject);
        // A fresh key per call (what transport.ts's newIdempotencyKey gives), reused by every attempt.
        const key = refundInput.idempotencyKey ?? crypto.randomUUID();
        const request = build(ready, refundInput, key, secrets);
        const result = await sendWithRetries((s, n) => attempt(ready, request, s, n), { ...ready.policy, signal });
        let errorCode;
        try {
            return interpret(shim, result, refundInput, secrets, limit);
        }
        catch (error) {
            if (error instanceof RefundError)
                errorCode = error.code;
            throw error;
        }
        finally {
            onAttemptEnd({ attempt: result.attempt, durationMs: result.durationMs, httpStatus: result.status, errorCode, willRetry: false });
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
    const { status, failure, bodyText: text } = result;
    const fail = (code, problem, raw) => createRefundError({ code, provider, httpStatus: status, message: `${provider} answered HTTP ${status}${problem}`, raw }, secrets);
    const authFailure = status === 401 || status === 403;
    if (failure !== undefined)
        throw fail('unexpected_response', failure === 'redirect' ? ', a redirect (never followed)' : `, a body over maxResponseBytes (${limit}), not read`);
    // Everything the shim reads is scrubbed first, parsed values included: a JSON-escaped echo
    // ("PUSH\/SECRET") is only the secret once decoded, so scrubbing the text alone would miss it.
    let body;
    if (text.trim() !== '') {
        try {
            body = JSON.parse(text);
        }
        catch {
            throw fail(authFailure ? 'authentication_failed' : 'unexpected_response', ', a body that is not JSON', scrubSecrets(text, secrets).slice(0, 2000));
        }
        // Without a backslash every JSON string is verbatim in the text, so a clean text is a clean body.
        if (text.includes('\\') || secretForms(secrets).some((form) => text.includes(form)))
            body = scrubSecrets(body, secrets);
    }
    let refund;
    try {
        // Headers as the shim reads them: each value it asks for, with echoed credentials redacted.
        const headers = { get: (name) => result.headers.get(name) && scrubSecrets(result.headers.get(name), secrets) };
        refund = shim.interpret({ status, headers, body }, input);
        // An id that echoed a credential (an `identifier: Bearer <token>` header) is refused, not returned.
        if (refund?.id.includes(REDACTED))
            throw new ReadError('id echoes a credential');
    }
    catch (error) {
        // TransformError and MoneyFormatError are ReadErrors too (errors.ts).
        if (error instanceof ReadError)
            throw fail('unexpected_response', `, a body paykit cannot read: ${error.message}`, body);
        throw error;
    }
    if (refund !== undefined)
        return refund;
    const rule = shim.errors.find((r) => r.status === status && (r.when?.(body) ?? true));
    const detail = rule?.message && at(body, rule.message);
    throw fail(rule?.code ?? (authFailure ? 'authentication_failed' : status >= 400 && status < 500 ? 'invalid_request' : 'unexpected_response'), typeof detail === 'string' && detail !== '' ? `: ${detail}` : '', body);
}
export { RefundError };
