/**
 * The shim object (`export const shim = { provider, rules, errors, request(), interpret() … }`) as a
 * ts-morph WriterFunction: the CodeBlockWriter handles blocks and indentation. Every expression is
 * computed before the writer is returned, so collectRuntime (expressions.ts) sees each runtime call
 * the emission makes; the writer itself only writes text.
 */
import type { CodeBlockWriter, WriterFunction } from 'ts-morph';
import { pascalCase, tsString } from '../text/escape.js';
import type { CheckedMapping } from './check.js';
import { writeStatements, type Statement } from './emit-checks.js';
import { amountReader, bodyPathLiteral, conditionExpression, conditionFunction, literal, propertyName, requestExpression, responseExpression, responseSource, runtimeFunction, statusExpression } from './expressions.js';
import type { Mapping, RefundMapping, RequestValue } from './mapping.js';

/** A body tree: a dotted key (`refund.amount`) nests into an object; leaves are expressions. */
type Tree = { [name: string]: Tree | string };

export function shimObject(checked: CheckedMapping, defaultBaseUrl: string, checks: Statement[] | undefined): WriterFunction {
  const { mapping, provider } = checked;
  const P = pascalCase(provider.id);
  // The input rules as data (what the shim's check enforces, for tools and tests that build valid
  // input); the engine itself reads only the option names, to refuse unknown ones.
  const rules = {
    amount: mapping.input.amount,
    ...(checked.currencies === undefined ? {} : { currencies: checked.currencies }),
    ...(mapping.input.paymentId === undefined ? {} : { paymentId: { pattern: mapping.input.paymentId.pattern } }),
    providerOptions: Object.fromEntries(Object.entries(mapping.input.providerOptions ?? {})
      .map(([name, o]) => [name, { type: o.schema !== undefined ? 'object' : o.type, ...(o.required === true ? { required: true } : {}) }])),
  };
  const errors = mapping.errors.map((e) => `{ status: ${e.status}, code: ${tsString(e.code)}${e.when === undefined ? '' : `, when: ${conditionFunction(e.when)}`}${e.message === undefined ? '' : `, message: ${bodyPathLiteral(e.message)}`} }`);
  const entries = (values: Record<string, RequestValue>, type: string): Tree => Object.fromEntries(Object.entries(values)
    .map(([name, value]) => [name, sentValue(value, mapping, `${type}[${tsString(name)}]`)]));
  // The request's locals: the body always, headers / path / query parameters when the mapping has any.
  const locals = ([
    ['body', 'RequestBody', bodyTree(mapping)],
    ['headers', 'RequestHeaders', entries(mapping.request.headers, 'RequestHeaders')],
    ['path', 'PathParameters', entries(mapping.request.path, 'PathParameters')],
    ['query', 'QueryParameters', entries(mapping.request.query, 'QueryParameters')],
  ] as Array<[string, string, Tree]>).filter(([name, , tree]) => name === 'body' || Object.keys(tree).length > 0);
  const has = (name: string) => locals.some(([local]) => local === name);
  const url = has('path') || has('query')
    ? [`path: ${runtimeFunction('withParams')}(${tsString(mapping.operation.path)}, ${has('path') ? 'path' : '{}'}${has('query') ? ', query' : ''})`] : [];
  const returned = ['body', ...(has('headers') ? ['headers'] : []), ...url];
  const { request } = mapping;
  const usesKey = [request.body, request.headers, request.path, request.query].flatMap(Object.values).some((v: RequestValue) => v.from === 'idempotencyKey');
  const interpretations = mapping.responses.map((entry) => interpretation(entry.status, entry.when === undefined ? undefined : conditionExpression(entry.when), entry.refund, checked, P));

  // ts-morph prints an initializer into a fresh writer (level 0) and pastes it with a hanging indent,
  // which emit-files.ts's formatText then evens out; widths below are measured from level 0.
  return (writer) => {
    writer.inlineBlock(() => {
      writer.writeLine(`provider: ${tsString(provider.id)},`);
      writer.writeLine(`deduplicates: ${mapping.idempotency.deduplicates},`);
      writer.write('rules: '); writeLiteral(writer, rules); writer.write(',').newLine();
      if (checks !== undefined) writer.write('check(input, fail) ').inlineBlock(() => writeStatements(writer, checks)).write(',').newLine();
      writer.write('errors: [').indent(() => { for (const error of errors) writer.writeLine(`${error},`); }).writeLine('],');
      writer.writeLine(`method: ${tsString(mapping.operation.method.toUpperCase())},`);
      writer.writeLine(`path: ${tsString(mapping.operation.path)},`);
      writer.writeLine(`baseUrl: ${tsString(defaultBaseUrl)},`);
      writer.writeLine('authenticator,');
      writer.write(`request(input${usesKey ? ', idempotencyKey' : ''}) `).inlineBlock(() => {
        for (const [name, type, tree] of locals) { writer.write(`const ${name}: ${type} = `); writeTree(writer, tree); writer.write(';').newLine(); }
        writer.writeLine(`return { ${returned.join(', ')} };`);
      }).write(',').newLine();
      writer.write('interpret(received, input) ').inlineBlock(() => {
        for (const write of interpretations) write(writer);
        writer.writeLine('return undefined;');
      }).write(',').newLine();
    });
  };
}

/** One response entry: `if (received.status === s) { const body = …; [if (when)] return { … }; }`. */
function interpretation(status: number, condition: string | undefined, refund: RefundMapping, checked: CheckedMapping, P: string): (writer: CodeBlockWriter) => void {
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
  const result = (writer: CodeBlockWriter) => writer.write('return {').indent(() => { for (const field of fields) writer.writeLine(`${field},`); }).writeLine('};');
  return (writer) => writer.write(`if (received.status === ${status})`).block(() => {
    writer.writeLine(`const body = received.body as ${type} | undefined;`);
    if (condition === undefined) result(writer);
    else writer.write(`if (${condition})`).block(() => result(writer));
  });
}

/** The body literal's tree, each leaf typed by RequestBody like the rest. */
function bodyTree(mapping: Mapping): Tree {
  const tree: Tree = {};
  for (const [key, value] of Object.entries(mapping.request.body)) {
    const names = key.split('.');
    let level = tree;
    for (const name of names.slice(0, -1)) level = (level[name] ??= {}) as Tree;
    level[names[names.length - 1]!] = sentValue(value, mapping, names.reduce((type, name) => `NonNullable<${type}>[${tsString(name)}]`, 'RequestBody'));
  }
  return tree;
}

/** An object of expressions, one quoted key per line. */
function writeTree(writer: CodeBlockWriter, tree: Tree): void {
  writer.write('{').indent(() => {
    for (const [name, child] of Object.entries(tree)) {
      writer.write(`${tsString(name)}: `);
      if (typeof child === 'string') writer.write(child); else writeTree(writer, child);
      writer.write(',').newLine();
    }
  }).write('}');
}

/** A JSON-like value: on one line when it fits in 100 columns (literal()), else one entry per line so a reviewer can read it. */
function writeLiteral(writer: CodeBlockWriter, value: unknown): void {
  const flat = literal(value, ' '.repeat(writer.getOptions().indentNumberOfSpaces * writer.getIndentationLevel()));
  if (!flat.includes('\n') || value === null || typeof value !== 'object') { writer.write(flat); return; }
  const items: Array<[string, unknown]> = Array.isArray(value) ? value.map((v) => ['', v]) : Object.entries(value).map(([k, v]) => [`${propertyName(k)}: `, v]);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  writer.write(open).indent(() => {
    for (const [key, item] of items) { writer.write(key); writeLiteral(writer, item); writer.write(',').newLine(); }
  }).write(close);
}

/**
 * A request value; a currency is cast to its field's type, which may be an enum of spellings
 * (`"eur" | "usd"`): the shim's rules.currencies, derived from that enum, refuse any other before sending.
 */
function sentValue(value: RequestValue, mapping: Mapping, type: string): string {
  const expression = requestExpression(value, mapping);
  return value.from === 'amount.currency' && value.map === undefined ? `(${expression}) as ${type}` : expression;
}
