// Spec patterns compiled once each ('u': JSON Schema patterns are Unicode).
const compiled = new Map();
/** A string option whose spec limits its length: present, it is a non-empty string of at most `max` characters. */
export function text(fail, field, value, max) {
    if (value !== undefined && (typeof value !== 'string' || value === '' || value.length > max))
        fail(`${field} must be a non-empty string of at most ${max} characters`);
}
export function maxLength(fail, field, value, max) {
    if (typeof value === 'string' && value.length > max)
        fail(`${field} must be at most ${max} characters`);
}
export function minLength(fail, field, value, min) {
    if (typeof value === 'string' && value.length < min)
        fail(`${field} must be at least ${min} characters`);
}
export function matches(fail, field, value, source) {
    let pattern = compiled.get(source);
    if (pattern === undefined)
        compiled.set(source, (pattern = new RegExp(source, 'u')));
    if (typeof value === 'string' && !pattern.test(value))
        fail(`${field} must match ${source}`);
}
/** format: uri. */
export function absoluteUrl(fail, field, value) {
    if (typeof value !== 'string')
        return;
    try {
        new URL(value);
    }
    catch {
        fail(`${field} must be an absolute URL`);
    }
}
export function oneOf(fail, field, value, values) {
    if (value !== undefined && !values.includes(value))
        fail(`${field} must be one of ${values.join(', ')}`);
}
/** An object with every `required` member; returned for the checks of its members. */
export function object(fail, field, value, required = []) {
    if (value === undefined)
        return undefined;
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        fail(`${field} must be an object`);
    const missing = required.find((key) => value[key] === undefined);
    if (missing !== undefined)
        fail(`${field}.${missing} is required`);
    return value;
}
