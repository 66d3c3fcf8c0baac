import { majorDecimalToMinor } from '../runtime/decimal.js';
import { authProblem } from './auth.js';
import { errorReply, refundReply } from './replies.js';
import { schemaProblem } from './schema-check.js';
export function handleRefund(recipe, state, request) {
    const refuse = (code, message) => errorFor(recipe, code, message);
    const denied = authProblem(recipe.auth, recipe.credentials, request.headers, request.bodyText);
    if (denied !== undefined)
        return refuse('authentication_failed', `Authentication failed: ${denied}`);
    for (const header of recipe.request.headers) {
        const value = request.headers[header.name];
        if (value === undefined) {
            if (header.required)
                return refuse('invalid_request', `${header.name} header is required`);
            continue;
        }
        const problem = schemaProblem(value, header.schema, `${header.name} header`);
        if (problem)
            return refuse('invalid_request', problem);
    }
    for (const parameter of recipe.request.parameters ?? []) {
        const value = parameter.in === 'path' ? (Object.hasOwn(request.path ?? {}, parameter.name) ? request.path[parameter.name] : undefined) : request.query?.get(parameter.name) ?? undefined;
        if (value === undefined) {
            if (parameter.required)
                return refuse('invalid_request', `${parameter.name} ${parameter.in} parameter is required`);
            continue;
        }
        // Parameters arrive as text: a numeric schema is checked against the number the text spells.
        const type = parameter.schema?.type;
        const problem = schemaProblem(type === 'integer' || type === 'number' ? Number(value) : value, parameter.schema, `${parameter.name} ${parameter.in} parameter`);
        if (problem)
            return refuse('invalid_request', problem);
    }
    const key = recipe.request.idempotencyHeader === undefined ? undefined : request.headers[recipe.request.idempotencyHeader];
    const sent = JSON.stringify([request.path ?? {}, request.query?.toString() ?? '', request.bodyText]);
    if (key !== undefined) {
        const stored = state.answered.get(key);
        if (stored !== undefined) {
            return stored.sent === sent ? stored.reply : refuse('invalid_request', 'idempotency key reused with a different request');
        }
    }
    const reply = createRefund(recipe, state, request, key);
    if (key !== undefined)
        state.answered.set(key, { sent, reply });
    return reply;
}
function createRefund(recipe, state, { bodyText, path = {}, query = new URLSearchParams() }, key) {
    const refuse = (code, message) => errorFor(recipe, code, message);
    let body;
    try {
        body = JSON.parse(bodyText);
    }
    catch {
        return refuse('invalid_request', 'request body is not JSON');
    }
    const problem = schemaProblem(body, recipe.request.body, '');
    if (problem)
        return refuse('invalid_request', problem);
    if (typeof body !== 'object' || body === null || Array.isArray(body))
        return refuse('invalid_request', 'request body must be a JSON object');
    const { request } = recipe;
    const valueAt = (field) => (field.startsWith('path:') ? (Object.hasOwn(path, field.slice(5)) ? path[field.slice(5)] : undefined)
        : field.startsWith('query:') ? query.get(field.slice(6)) ?? undefined
            : field.split('.').reduce((v, name) => (typeof v === 'object' && v !== null && Object.hasOwn(v, name) ? v[name] : undefined), body));
    const requestPaymentId = valueAt(request.paymentIdField);
    const payment = recipe.payments.find((p) => p.paymentId === String(requestPaymentId) && optionsMatch(recipe, p, valueAt));
    if (payment === undefined)
        return refuse('payment_not_found', `No payment ${String(requestPaymentId)}`);
    if (request.currency !== undefined) {
        const { field, transform } = request.currency;
        const code = payment.amount.currency;
        const expected = transform === 'lowerCase' ? code.toLowerCase() : transform === 'upperCase' ? code.toUpperCase() : code;
        if (valueAt(field) !== expected)
            return refuse('invalid_request', `${field} must be the payment's currency, ${expected}`);
    }
    let requested;
    if (request.amount !== undefined && valueAt(request.amount.field) !== undefined) {
        const minor = toMinor(valueAt(request.amount.field), request.amount.transform, payment.amount.currency);
        if (minor === undefined || minor <= 0)
            return refuse('invalid_request', `${request.amount.field} must be a positive amount`);
        requested = minor;
    }
    const remaining = payment.amount.value - (state.refunded.get(payment.paymentId) ?? 0);
    if (remaining <= 0)
        return refuse(recipe.errors.already_refunded ? 'already_refunded' : 'amount_exceeds_refundable', 'The payment is already fully refunded');
    if (requested !== undefined && requested > remaining) {
        return refuse('amount_exceeds_refundable', `Refund amount ${requested} exceeds the ${remaining} left to refund`);
    }
    const outcome = recipe.outcomes[payment.outcome];
    const amount = { value: requested ?? remaining, currency: payment.amount.currency };
    const id = refundId(outcome.idForm, ++state.seq);
    const entry = { id, paymentId: payment.paymentId, amount, status: outcome.refundStatus, ...(key === undefined ? {} : { idempotencyKey: key }) };
    state.ledger.push(entry);
    if (outcome.refundStatus !== 'failed' && outcome.refundStatus !== 'canceled')
        state.refunded.set(payment.paymentId, payment.amount.value - remaining + amount.value);
    const reference = request.referenceField === undefined ? undefined : valueAt(request.referenceField);
    return refundReply(outcome, { id, requestPaymentId, status: outcome.refundStatus, amount, createdAt: state.now(), reference });
}
/** A payment seeded with required provider options (an invoice id, say) only matches when they are sent back. */
function optionsMatch(recipe, payment, valueAt) {
    return Object.entries(recipe.request.optionFields).every(([option, field]) => valueAt(field) === payment.providerOptions?.[option]);
}
/** The facade's amount transform, inverted; undefined when the value is not an exact amount. */
function toMinor(value, transform, currency) {
    try {
        switch (transform) {
            // A query or path parameter carries the integer as text.
            case 'minorToInteger': return Number.isSafeInteger(value) ? value : typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : undefined;
            case 'minorToString': return typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : undefined;
            default: return typeof value === 'number' || typeof value === 'string' ? majorDecimalToMinor(value, currency) : undefined;
        }
    }
    catch {
        return undefined;
    }
}
function refundId(form, seq) {
    if (form === 'integer')
        return String(100000 + seq);
    if (form === 'uuid')
        return `00000000-0000-4000-8000-${seq.toString(16).padStart(12, '0')}`;
    return `re_fake_${String(seq).padStart(12, '0')}`;
}
export function errorFor(recipe, code, message) {
    const rule = recipe.errors[code] ?? (code === 'amount_exceeds_refundable' ? recipe.errors.invalid_request : undefined);
    if (rule !== undefined)
        return errorReply(rule, message);
    const status = code === 'authentication_failed' ? 401 : code === 'payment_not_found' ? 404 : 400;
    return { status, body: { message }, headers: {} };
}
