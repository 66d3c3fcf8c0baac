const FORMATS = {
    uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    uri: /^[a-z][a-z0-9+.-]*:[^\s]*$/i,
    'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
};
/** undefined when `value` fits `schema`, else a message naming the field (`name`) and the problem. */
export function schemaProblem(value, schema, name) {
    if (schema === undefined)
        return undefined;
    const s = schema;
    if (value === null && (s.nullable === true || typeOk(null, s.type)))
        return undefined;
    for (const key of ['allOf']) {
        for (const member of s[key] ?? []) {
            const problem = schemaProblem(value, member, name);
            if (problem)
                return problem;
        }
    }
    for (const key of ['anyOf', 'oneOf']) {
        const members = s[key];
        if (members && !members.some((m) => schemaProblem(value, m, name) === undefined))
            return `${name} matches none of the allowed forms`;
    }
    if (s.type !== undefined && !typeOk(value, s.type))
        return `${name} must be ${describeType(s.type)}`;
    if (Array.isArray(s.enum) && !s.enum.some((e) => e === value))
        return `${name} must be one of ${s.enum.map((e) => JSON.stringify(e)).join(', ')}`;
    if (typeof value === 'string')
        return stringProblem(value, s, name);
    if (typeof value === 'number')
        return numberProblem(value, s, name);
    if (Array.isArray(value)) {
        if (typeof s.minItems === 'number' && value.length < s.minItems)
            return `${name} must have at least ${s.minItems} items`;
        if (typeof s.maxItems === 'number' && value.length > s.maxItems)
            return `${name} must have at most ${s.maxItems} items`;
        for (const [i, item] of value.entries()) {
            const problem = schemaProblem(item, s.items, `${name}[${i}]`);
            if (problem)
                return problem;
        }
        return undefined;
    }
    if (typeof value === 'object' && value !== null)
        return objectProblem(value, s, name);
    return undefined;
}
function objectProblem(value, s, name) {
    const at = (key) => (name === '' ? key : `${name}.${key}`);
    for (const key of s.required ?? []) {
        if (!Object.hasOwn(value, key))
            return `${at(key)} is required`;
    }
    const properties = s.properties ?? {};
    for (const [key, item] of Object.entries(value)) {
        const own = Object.hasOwn(properties, key) ? properties[key] : undefined;
        if (own !== undefined) {
            const problem = schemaProblem(item, own, at(key));
            if (problem)
                return problem;
        }
        else if (s.additionalProperties === false) {
            return `${at(key)} is not a known field`;
        }
        else if (typeof s.additionalProperties === 'object' && s.additionalProperties !== null) {
            const problem = schemaProblem(item, s.additionalProperties, at(key));
            if (problem)
                return problem;
        }
    }
    return undefined;
}
function stringProblem(value, s, name) {
    const length = [...value].length;
    if (typeof s.minLength === 'number' && length < s.minLength)
        return `${name} must be at least ${s.minLength} characters`;
    if (typeof s.maxLength === 'number' && length > s.maxLength)
        return `${name} must be at most ${s.maxLength} characters`;
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value))
        return `${name} must match ${s.pattern}`;
    const format = typeof s.format === 'string' && Object.hasOwn(FORMATS, s.format) ? FORMATS[s.format] : undefined;
    if (format !== undefined && !format.test(value))
        return `${name} must be a ${String(s.format)}`;
    return undefined;
}
function numberProblem(value, s, name) {
    const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = s;
    // OpenAPI 3.0 spells exclusive bounds as booleans next to minimum/maximum, 3.1 as numbers.
    if (typeof minimum === 'number' && (exclusiveMinimum === true ? value <= minimum : value < minimum))
        return `${name} must be above ${minimum}`;
    if (typeof maximum === 'number' && (exclusiveMaximum === true ? value >= maximum : value > maximum))
        return `${name} must be below ${maximum}`;
    if (typeof exclusiveMinimum === 'number' && value <= exclusiveMinimum)
        return `${name} must be greater than ${exclusiveMinimum}`;
    if (typeof exclusiveMaximum === 'number' && value >= exclusiveMaximum)
        return `${name} must be less than ${exclusiveMaximum}`;
    return undefined;
}
function typeOk(value, type) {
    if (Array.isArray(type))
        return type.some((t) => typeOk(value, t));
    switch (type) {
        case 'string': return typeof value === 'string';
        case 'integer': return Number.isSafeInteger(value);
        case 'number': return typeof value === 'number' && Number.isFinite(value);
        case 'boolean': return typeof value === 'boolean';
        case 'array': return Array.isArray(value);
        case 'object': return typeof value === 'object' && value !== null && !Array.isArray(value);
        case 'null': return value === null;
        default: return true;
    }
}
function describeType(type) {
    const names = (Array.isArray(type) ? type : [type]).map((t) => (t === 'integer' ? 'an integer' : t === 'object' || t === 'array' ? `an ${String(t)}` : `a ${String(t)}`));
    return names.join(' or ');
}
