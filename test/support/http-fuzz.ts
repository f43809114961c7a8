/**
 * TEST FIXTURE: input fuzzing. The command routes of the OpenAPI document, a near-valid body for
 * each, and fast-check arbitraries that bend bodies, headers and path parameters out of shape.
 */
import fc from 'fast-check';

export interface SchemaObject {
  readonly $ref?: string;
  readonly description?: string;
  readonly type?: string;
  readonly format?: string;
  readonly example?: unknown;
  readonly enum?: readonly unknown[];
  readonly minimum?: number;
  readonly properties?: Readonly<Record<string, SchemaObject>>;
  readonly required?: readonly string[];
  readonly items?: SchemaObject;
  readonly oneOf?: readonly SchemaObject[];
  readonly anyOf?: readonly SchemaObject[];
  readonly allOf?: readonly SchemaObject[];
}

interface Operation {
  readonly parameters?: readonly { readonly in: string; readonly name: string }[];
  readonly requestBody?: { readonly content: Record<string, { readonly schema: SchemaObject }> };
}

export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, Operation>>>>;
  readonly components: { readonly schemas: Readonly<Record<string, SchemaObject>> };
}

export type JsonValue =
  | null
  | boolean
  | number
  | string
  | JsonValue[]
  | { [key: string]: JsonValue };
type JsonObject = { [key: string]: JsonValue };

export interface CommandRoute {
  readonly method: 'post' | 'put';
  /** `/commitments/{commitmentId}/acceptance` */
  readonly template: string;
  readonly params: readonly string[];
  readonly schema?: SchemaObject;
}

/** Every POST and PUT of the document: the commands. */
export function commandRoutes(document: OpenApiDocument): CommandRoute[] {
  return Object.entries(document.paths).flatMap(([template, operations]) =>
    (['post', 'put'] as const).flatMap((method) => {
      const operation = operations[method];
      if (!operation) return [];
      const params = (operation.parameters ?? [])
        .filter((parameter) => parameter.in === 'path')
        .map((parameter) => parameter.name);
      const schema = operation.requestBody?.content['application/json']?.schema;
      return [{ method, template, params, schema }];
    }),
  );
}

function resolve(schema: SchemaObject | undefined, document: OpenApiDocument) {
  return schema?.$ref ? document.components.schemas[schema.$ref.split('/').pop() ?? ''] : schema;
}

/** Members naming the partner a command acts for: an administrator must name one. */
export function actingFieldsOf(
  schema: SchemaObject | undefined,
  document: OpenApiDocument,
): string[] {
  return Object.entries(resolve(schema, document)?.properties ?? {})
    .filter(([, property]) => /token acts for/.test(property.description ?? ''))
    .map(([key]) => key);
}

/** The other members of a body schema that name an id and may be left out (then generated). */
export function optionalIdsOf(
  schema: SchemaObject | undefined,
  document: OpenApiDocument,
): string[] {
  const resolved = resolve(schema, document);
  const required = resolved?.required ?? [];
  const acting = actingFieldsOf(schema, document);
  return Object.keys(resolved?.properties ?? {}).filter(
    (key) => key.endsWith('Id') && !required.includes(key) && !acting.includes(key),
  );
}

/** The path parameters of `path` if it is an instance of the route's template. */
export function matchRoute(route: CommandRoute, path: string): Record<string, string> | undefined {
  const pattern = new RegExp(`^${route.template.replace(/\{\w+\}/g, '([^/]+)')}$`);
  const match = pattern.exec(path);
  if (!match) return undefined;
  return Object.fromEntries(route.params.map((name, index) => [name, match[index + 1]]));
}

/**
 * A body built from the schema's examples, enums and formats, the world's ids standing in for
 * properties of the same name: near-valid, for routes the tests hold no example of.
 */
export function schemaExample(
  schema: SchemaObject,
  document: OpenApiDocument,
  world: Readonly<Record<string, string>>,
  name = '',
): JsonValue {
  const resolved = resolve(schema, document) ?? {};
  if (name in world) return world[name];
  if (resolved.example !== undefined) return resolved.example as JsonValue;
  if (resolved.enum) return resolved.enum[0] as JsonValue;
  const variant = resolved.oneOf?.[0] ?? resolved.anyOf?.[0] ?? resolved.allOf?.[0];
  if (variant) return schemaExample(variant, document, world, name);
  switch (resolved.type ?? 'string') {
    case 'object': {
      const properties = Object.entries(resolved.properties ?? {});
      return Object.fromEntries(
        properties.map(([key, property]) => [key, schemaExample(property, document, world, key)]),
      );
    }
    case 'array':
      return resolved.items ? [schemaExample(resolved.items, document, world, name)] : [];
    case 'number':
    case 'integer':
      return resolved.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      return resolved.format === 'date' ? '2026-03-01' : `fuzz-${name || 'value'}`;
  }
}

/** Values of the wrong type, size or alphabet for any field. */
const weirdValue: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.constantFrom<JsonValue>(null, true, false, 0, -1, -0, 1e308, -1e308, 5e-324, 2 ** 53 + 1),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom<JsonValue>(
    '',
    ' ',
    '\u0000',
    '\ud800',
    '\udfff\ud800',
    '\u202e\u200b',
    '🏳️‍🌈',
    'ё'.repeat(3000),
    'x'.repeat(20_000),
    '../../etc/passwd',
    '%00',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    '2026-02-30',
    '9999-12-31',
    '0000-00-00',
    '-000001-01-01',
    'NaN',
    '1e309',
    '__proto__',
    'constructor',
  ),
  fc.array(fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue>, { maxLength: 5 }),
  fc.dictionary(
    fc.string({ maxLength: 8 }),
    fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue>,
    {
      maxKeys: 4,
    },
  ),
  fc.constantFrom<JsonValue>([], {}, [null], [[]], { kind: 'free' }, { kind: 'toString' }),
);

const weirdKey = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', ''),
);

type Path = readonly string[];
type Mutation =
  | { readonly kind: 'set'; readonly path: Path; readonly value: JsonValue }
  | { readonly kind: 'delete'; readonly path: Path }
  | {
      readonly kind: 'extra';
      readonly path: Path;
      readonly key: string;
      readonly value: JsonValue;
    };

/** Every key path of an object's members, nested ones included. */
function pathsOf(value: JsonValue, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, member]) => [
    [...prefix, key],
    ...pathsOf(member, [...prefix, key]),
  ]);
}

function applyMutation(body: JsonObject, mutation: Mutation): void {
  const parentPath = mutation.kind === 'extra' ? mutation.path : mutation.path.slice(0, -1);
  let parent: JsonValue = body;
  for (const key of parentPath) {
    if (parent === null || typeof parent !== 'object') return;
    parent = (parent as JsonObject)[key];
  }
  if (parent === null || typeof parent !== 'object') return;
  const target = parent as JsonObject;
  const key = mutation.path[mutation.path.length - 1];
  // defineProperty, so that a `__proto__` key is a plain member, as JSON.parse makes it. A JSON
  // array has no named members: a name such as `length` on one would mean nothing once sent
  // (and `length` cannot be redefined), so such a mutation is left out.
  const define = (name: string, value: JsonValue) => {
    if (Array.isArray(target) && !/^\d+$/.test(name)) return;
    Object.defineProperty(target, name, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  };
  // A copy: fast-check may hand the same value to two mutations, and the second, landing inside
  // the first, would make the body circular.
  if (mutation.kind === 'set') define(key, structuredClone(mutation.value));
  else if (mutation.kind === 'delete') delete target[key];
  else define(mutation.key, structuredClone(mutation.value));
}

/** A body as sent: JSON text (well-formed or not). */
export type BodyText = string;

/** Deeply nested arrays or objects, as text: a parser or a validator that recurses may fall over. */
const deepNesting = fc
  .tuple(fc.constantFrom(64, 1000, 20_000, 120_000), fc.boolean())
  .map(([depth, arrays]) =>
    arrays
      ? `${'['.repeat(depth)}${']'.repeat(depth)}`
      : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
  );

const rawGarbage: fc.Arbitrary<BodyText> = fc.oneof(
  fc.constantFrom(
    '',
    '{',
    '{"a":',
    'null',
    '[]',
    '"text"',
    '1',
    'true',
    '{"a":1,}',
    '\u0000',
    '{"a":"\\ud800"}',
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
  ),
  fc.string({ maxLength: 60 }),
  fc.json({ maxDepth: 4 }),
  deepNesting,
);

/**
 * Near-valid variants of a valid body, and garbage. `optionalIds` are members the ledger
 * generates when absent: without them the example creates something new, so that valid commands
 * keep succeeding however often the same example is sent.
 */
export function bodyVariants(
  example: JsonObject,
  optionalIds: readonly string[] = [],
): fc.Arbitrary<BodyText> {
  const fresh = Object.fromEntries(
    Object.entries(example).filter(([key]) => !optionalIds.includes(key)),
  );
  const paths = pathsOf(example);
  const somePath = paths.length > 0 ? fc.constantFrom(...paths) : fc.constant<Path>([]);
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        kind: fc.constant('set' as const),
        path: somePath,
        value: weirdValue,
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), path: somePath }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('extra' as const),
        path: fc.oneof(fc.constant<Path>([]), somePath),
        key: weirdKey,
        value: weirdValue,
      }),
    },
  );
  const mutated = fc.array(mutation, { minLength: 1, maxLength: 3 }).map((mutations) => {
    const body = structuredClone(example);
    for (const each of mutations) applyMutation(body, each);
    return JSON.stringify(body);
  });
  const deepField = fc
    .tuple(paths.length > 0 ? fc.constantFrom(...paths) : fc.constant<Path>(['x']), deepNesting)
    .map(([path, nested]) => {
      const body = structuredClone(example);
      applyMutation(body, { kind: 'set', path, value: '\u0001DEEP\u0001' });
      return JSON.stringify(body).replace('"\\u0001DEEP\\u0001"', nested);
    });
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(JSON.stringify(example)) },
    { weight: 2, arbitrary: fc.constant(JSON.stringify(fresh)) },
    { weight: 8, arbitrary: mutated },
    { weight: 1, arbitrary: deepField },
    { weight: 2, arbitrary: rawGarbage },
    {
      weight: 1,
      arbitrary: fc.constant(JSON.stringify({ ...example, huge: 'h'.repeat(300_000) })),
    },
  );
}

/** A path parameter: usually the world's, else another id, odd text, or an attack on the path. */
export function pathValue(valid: string, others: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant(encodeURIComponent(valid)) },
    { weight: 2, arbitrary: fc.constantFrom(...others.map(encodeURIComponent)) },
    {
      weight: 1,
      arbitrary: fc
        .string({ unit: 'grapheme', minLength: 1, maxLength: 20 })
        .map(encodeURIComponent),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        'a'.repeat(101),
        'a'.repeat(5000),
        '..',
        '.',
        '%2e%2e',
        '..%2f..%2fetc%2fpasswd',
        '%2F',
        '%00',
        '%E0%A4%A',
        '%',
        '%ZZ',
        '__proto__',
        'constructor',
        '%20',
        encodeURIComponent('ünïcødé'),
        encodeURIComponent('🙂'),
        '-dash',
        '',
      ),
    },
  );
}

/** Content types a body is sent with; `none` sends no body at all. */
export const contentTypes = fc.oneof(
  { weight: 12, arbitrary: fc.constant('application/json') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'none',
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=utf-16',
      'application/json; charset=latin1',
      'application/merge-patch+json',
      'multipart/form-data; boundary=x',
      'application/xml',
      'application/json; charset=',
      '*/*',
    ),
  },
);

/** An Idempotency-Key: none, fresh, reused, or out of shape. */
export const idempotencyKeys = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined) },
  { weight: 4, arbitrary: fc.uuid() },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'fuzz-reused-key-0001',
      'short',
      'k'.repeat(201),
      'key with spaces in it',
      'clé-idempotence-é',
      '',
      '../../../../etc',
    ),
  },
);

/** Other headers a client may get wrong: correlation ids, encodings, positions, accept. */
export const extraHeaders: fc.Arbitrary<Record<string, string>> = fc.oneof(
  { weight: 10, arbitrary: fc.constant({}) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Record<string, string>>(
      { 'x-correlation-id': 'x' },
      { 'x-correlation-id': 'c'.repeat(300) },
      { 'x-correlation-id': 'corr-élan-0001' },
      { 'content-encoding': 'gzip' },
      { 'content-encoding': 'deflate' },
      { 'content-encoding': 'br' },
      { 'content-encoding': 'x-unknown' },
      { 'x-min-position': 'abc' },
      { 'x-min-position': '99999999999999999999999' },
      { accept: 'text/html' },
      { 'transfer-encoding': 'chunked' },
    ),
  },
);
