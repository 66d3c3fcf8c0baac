/**
 * One shim per provider, src/providers/<id>.ts: the provider's input type, its request built from
 * the mapping and typed by the provider's schema.ts (so tsc checks the mapping a second time), its
 * response reading, and its error table as data.
 */
import { StructureKind, VariableDeclarationKind, type SourceFileStructure, type StatementStructures } from 'ts-morph';
import { pascalCase, tsString, jsdocText } from '../text/escape.js';
import type { CheckedMapping, Constraint } from './check.js';
import { amountReader, bodyPathLiteral, conditionFunction, conditionExpression, literal, requestExpression, responseExpression, responseSource, collectRuntime, runtimeFunction, statusExpression } from './expressions.js';
import type { Mapping, RefundMapping, RequestValue } from './mapping.js';

/**
 * `defaultBaseUrl`: the provider package's DEFAULT_BASE_URL (the same providers.yaml choice), written
 * here so the facade never loads the package's openapi-fetch client, only its `./auth` module.
 */
export function shimStructure(checked: CheckedMapping, defaultBaseUrl: string): SourceFileStructure {
  const { mapping, provider } = checked;
  const P = pascalCase(provider.id);
  const pkg = `@paykit/${provider.id}`;
  const { method, path } = mapping.operation;
  const responseType = (status: number) => `Response${checked.responseKeys.get(status) === String(status) ? status : `${status}Default`}`;
  const refundStatuses = [...new Set(mapping.responses.map((r) => r.status))];
  const options = Object.entries(mapping.input.providerOptions ?? {});
  const optionsRequired = options.some(([, o]) => o.required === true);
  const hasHeaders = Object.keys(mapping.request.headers).length > 0;
  const { result: initializer, imports } = collectRuntime(() => shimObject(checked, defaultBaseUrl));
  const statements: StatementStructures[] = [
    // Only the auth module at run time; the schema's types check the request below.
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: `${pkg}/auth`, namedImports: ['authenticator', { name: `${P}Credentials`, isTypeOnly: true }] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: pkg, isTypeOnly: true, namedImports: ['paths', ...(options.some(([, o]) => o.schema) ? ['components'] : [])] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: '../runtime/contract.js', isTypeOnly: true, namedImports: ['CreateRefundBase', 'Money'] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: '../runtime/engine.js', isTypeOnly: true, namedImports: ['Shim'] },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: '../runtime/read.js', namespaceImport: 'read' },
    ...imports.map(([moduleSpecifier, namedImports]) => ({ kind: StructureKind.ImportDeclaration as const, moduleSpecifier, namedImports })),
    { kind: StructureKind.TypeAlias, name: 'Operation', type: `paths[${tsString(path)}][${tsString(method)}]` },
    { kind: StructureKind.TypeAlias, name: 'RequestBody', type: `NonNullable<Operation["requestBody"]>["content"]["application/json"]` },
    ...(hasHeaders ? [{ kind: StructureKind.TypeAlias as const, name: 'RequestHeaders', type: `NonNullable<Operation["parameters"]["header"]>` }] : []),
    ...(Object.keys(mapping.request.path).length > 0 ? [{ kind: StructureKind.TypeAlias as const, name: 'PathParameters', type: `Operation["parameters"]["path"]` }] : []),
    ...(Object.keys(mapping.request.query).length > 0 ? [{ kind: StructureKind.TypeAlias as const, name: 'QueryParameters', type: `NonNullable<Operation["parameters"]["query"]>` }] : []),
    ...refundStatuses.map((status) => ({
      kind: StructureKind.TypeAlias as const, name: responseType(status),
      type: `Operation["responses"][${checked.responseKeys.get(status) === String(status) ? status : tsString(checked.responseKeys.get(status)!)}]["content"]["application/json"]`,
    })),
    { kind: StructureKind.TypeAlias, name: `${P}Raw`, isExported: true, docs: [jsdocText(`The ${provider.title} response body a refund was read from.`)], type: refundStatuses.map(responseType).join(' | ') },
    options.length === 0 ? {
      kind: StructureKind.TypeAlias, name: `${P}ProviderOptions`, isExported: true,
      docs: [jsdocText(`${provider.title} takes no provider options (an empty interface would accept anything).`)],
      type: 'Record<string, never>',
    } : {
      kind: StructureKind.Interface, name: `${P}ProviderOptions`, isExported: true,
      docs: [jsdocText(`What ${provider.title} needs besides the common fields.`)],
      properties: options.map(([name, option]) => ({
        name, hasQuestionToken: option.required !== true,
        type: option.schema !== undefined ? `components["schemas"][${tsString(option.schema)}]` : option.type!,
        ...(option.description === undefined ? {} : { docs: [jsdocText(option.description)] }),
      })),
    },
    {
      kind: StructureKind.Interface, name: `${P}CreateRefundInput`, isExported: true, extends: ['CreateRefundBase'],
      docs: [jsdocText(`refunds.create input for ${provider.title}.`)],
      properties: [
        { name: 'amount', hasQuestionToken: mapping.input.amount !== 'required', type: 'Money', docs: [mapping.input.amount === 'required' ? 'Required: the provider needs the amount even for a full refund.' : 'Integer minor units; omit for a full refund.'] },
        { name: 'providerOptions', hasQuestionToken: !optionsRequired, type: `${P}ProviderOptions` },
      ],
    },
    {
      kind: StructureKind.VariableStatement, isExported: true, declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name: 'shim', type: `Shim<${P}Credentials, ${P}CreateRefundInput, ${P}Raw>`, initializer }],
    },
  ];
  return { kind: StructureKind.SourceFile, statements };
}

/**
 * `{ "providerOptions.x": c }` → `{ providerOptions: { properties: { x: c } } }`, the nested form the
 * runtime's checkConstraints walks (it names fields by the same dotted paths).
 */
function nestConstraints(flat: Readonly<Record<string, Constraint>>): Record<string, Constraint> {
  const nested: Record<string, Constraint> = {};
  for (const [path, constraint] of Object.entries(flat)) {
    const names = path.split('.');
    let level = nested;
    for (const name of names.slice(0, -1)) {
      const parent = (level[name] ??= {});
      level = (parent.properties ??= {});
    }
    const last = names[names.length - 1]!;
    const earlier = level[last];
    level[last] = { ...earlier, ...constraint };
    if (earlier?.properties !== undefined && constraint.properties !== undefined) level[last].properties = { ...earlier.properties, ...constraint.properties };
  }
  return nested;
}

function shimObject(checked: CheckedMapping, defaultBaseUrl: string): string {
  const P = pascalCase(checked.provider.id);
  const { mapping, provider } = checked;
  const rules = {
    amount: mapping.input.amount,
    ...(mapping.input.amount === 'required' ? { amountHint: `${provider.title} needs it even for a full refund` } : {}),
    ...(checked.currencies === undefined ? {} : { currencies: checked.currencies }),
    ...(mapping.input.maxFractionDigits === undefined ? {} : { maxFractionDigits: mapping.input.maxFractionDigits }),
    ...(mapping.input.paymentId === undefined ? {} : { paymentId: mapping.input.paymentId }),
    ...(checked.idempotencyKeyRule === undefined || Object.keys(checked.idempotencyKeyRule).length === 0 ? {} : { idempotencyKey: checked.idempotencyKeyRule }),
    providerOptions: Object.fromEntries(Object.entries(mapping.input.providerOptions ?? {})
      .map(([name, o]) => [name, { type: o.schema !== undefined ? 'object' : o.type, ...(o.required === true ? { required: true } : {}) }])),
  };
  const errors = mapping.errors.map((e) => `{ status: ${e.status}, code: ${tsString(e.code)}${e.when === undefined ? '' : `, when: ${conditionFunction(e.when)}`}${e.message === undefined ? '' : `, message: ${bodyPathLiteral(e.message)}`} }`);
  const entries = (values: Record<string, RequestValue>, type: string) => Object.entries(values)
    .map(([name, value]) => `${tsString(name)}: ${sentValue(value, mapping, `${type}[${tsString(name)}]`)},`);
  const headers = entries(mapping.request.headers, 'RequestHeaders');
  const pathParameters = entries(mapping.request.path, 'PathParameters');
  const query = entries(mapping.request.query, 'QueryParameters');
  const { request } = mapping;
  const usesKey = [request.body, request.headers, request.path, request.query].flatMap(Object.values).some((v: RequestValue) => v.from === 'idempotencyKey');
  const locals = [
    `const body: RequestBody = ${nestedBody(mapping, '    ')};`,
    ...(headers.length === 0 ? [] : [`const headers: RequestHeaders = {\n      ${headers.join('\n      ')}\n    };`]),
    ...(pathParameters.length === 0 ? [] : [`const path: PathParameters = {\n      ${pathParameters.join('\n      ')}\n    };`]),
    ...(query.length === 0 ? [] : [`const query: QueryParameters = {\n      ${query.join('\n      ')}\n    };`]),
  ];
  const url = pathParameters.length + query.length === 0 ? []
    : [`path: ${runtimeFunction('withParams')}(${tsString(mapping.operation.path)}, ${pathParameters.length === 0 ? '{}' : 'path'}${query.length === 0 ? '' : ', query'})`];
  const returned = ['body', ...(headers.length === 0 ? [] : ['headers']), ...url];
  return `{
  provider: ${tsString(provider.id)},
  deduplicates: ${mapping.idempotency.deduplicates},
  rules: ${literal(rules, "  ")},${Object.keys(checked.passThroughConstraints).length === 0 ? '' : `
  check: ${runtimeFunction('checkConstraints')},
  constraints: ${literal(nestConstraints(checked.passThroughConstraints), "  ")},`}
  errors: [
    ${errors.join(',\n    ')},
  ],
  method: ${tsString(mapping.operation.method.toUpperCase())},
  path: ${tsString(mapping.operation.path)},
  baseUrl: ${tsString(defaultBaseUrl)},
  authenticator,
  request(input${usesKey ? ', idempotencyKey' : ''}) {
    ${locals.join('\n    ')}
    return { ${returned.join(', ')} };
  },
  interpret(received, input) {
    ${mapping.responses.map((entry) => interpretBlock(entry.status, entry.when === undefined ? undefined : conditionExpression(entry.when), entry.refund, checked, P)).join('\n    ')}
    return undefined;
  },
}`;
}

function interpretBlock(status: number, condition: string | undefined, refund: RefundMapping, checked: CheckedMapping, P: string): string {
  const key = checked.responseKeys.get(status);
  const type = `Response${key === String(status) ? status : `${status}Default`}`;
  const fields = [
    `provider: ${tsString(checked.provider.id)}`,
    `id: ${responseExpression(refund.id, 'id')}`,
    `paymentId: ${responseExpression(refund.paymentId, 'paymentId')}`,
    `status: ${statusExpression(refund.status)}`,
    ...(refund.amount === undefined ? [] : [`amount: ${refund.amount === 'input.amount' ? 'input.amount' : `read.money(${responseSource(refund.amount.value)}, ${responseSource(refund.amount.currency)}, "amount", ${amountReader(refund.amount.format)})`}`]),
    ...(['createdAt', 'reference', 'failureReason'] as const).flatMap((f) => (refund[f] === undefined ? [] : [`${f}: ${responseExpression(refund[f]!, f)}`])),
    `raw: body as ${P}Raw`,
  ];
  const result = `return {\n        ${fields.join(',\n        ')},\n      };`;
  return `if (received.status === ${status}) {
      const body = received.body as ${type} | undefined;
      ${condition === undefined ? result : `if (${condition}) {\n      ${result}\n      }`}
    }`;
}

/** The body literal: a dotted key (`refund.amount`) nests into an object, typed by RequestBody like the rest. */
function nestedBody(mapping: Mapping, indent: string): string {
  type Tree = { [name: string]: Tree | string };
  const tree: Tree = {};
  for (const [key, value] of Object.entries(mapping.request.body)) {
    const names = key.split('.');
    let level = tree;
    for (const name of names.slice(0, -1)) level = (level[name] ??= {}) as Tree;
    level[names[names.length - 1]!] = sentValue(value, mapping, names.reduce((type, name) => `NonNullable<${type}>[${tsString(name)}]`, 'RequestBody'));
  }
  const write = (node: Tree, pad: string): string => {
    const inner = `${pad}  `;
    const lines = Object.entries(node).map(([name, child]) => `${inner}${tsString(name)}: ${typeof child === 'string' ? child : write(child, inner)},`);
    return `{\n${lines.join('\n')}\n${pad}}`;
  };
  return write(tree, indent);
}

/**
 * A request value; a currency is cast to its field's type, which may be an enum of spellings
 * (`"eur" | "usd"`): the shim's rules.currencies, derived from that enum, refuse any other before sending.
 */
function sentValue(value: RequestValue, mapping: Mapping, type: string): string {
  const expression = requestExpression(value, mapping);
  return value.from === 'amount.currency' && value.map === undefined ? `(${expression}) as ${type}` : expression;
}
