// The form coercion table: a schema, the fields as a browser sends them, and what the action receives
// (or the fields refused). Each case is run urlencoded and as multipart as Chromium writes it
// (coercion.test.ts), and a subset through <Form> in Chromium with JavaScript on and off
// (tests/e2e/form-browser.test.ts). Astro's own coercion cases are here in our words (marked "Astro"),
// then the nine causes of issue-sized mistakes found against it, then the edge cases by input kind.
import { type } from 'arktype';
import * as v from 'valibot';
import { z } from 'zod';

/** A file as the browser sends it: a chosen file, or an empty file input (no file chosen). */
export type SentFile = { file: string; content: string; type?: string } | { emptyFile: true };
export type SentValue = string | SentFile;

export interface FormCase {
  name: string;
  zod: z.ZodType;
  /** The same schema in ArkType, where ArkType can say it. */
  ark?: unknown;
  /** The same schema in Valibot, where Valibot can say it. */
  valibot?: unknown;
  fields: [string, SentValue][];
  /** What the action receives (files as `file:<name>:<size>`), or the fields it is refused on (422). */
  expect: { payload: unknown } | { refused: string[] };
}

const file = (name: string, content: string, type = 'text/plain'): SentFile => ({ file: name, content, type });
const emptyFile: SentFile = { emptyFile: true };
const contact = z.discriminatedUnion('type', [
  z.object({ type: z.literal('email'), email: z.string() }),
  z.object({ type: z.literal('phone'), phone: z.string() }),
]);

export const FORM_CASES: FormCase[] = [
  // Astro's cases, in our words.
  {
    name: 'Astro: text fields stay text',
    zod: z.object({ name: z.string(), email: z.string() }),
    ark: type({ name: 'string', email: 'string' }),
    valibot: v.object({ name: v.string(), email: v.string() }),
    fields: [
      ['name', 'Ben'],
      ['email', 'test@test.test'],
    ],
    expect: { payload: { name: 'Ben', email: 'test@test.test' } },
  },
  {
    name: 'Astro: a number field becomes a number',
    zod: z.object({ age: z.number() }),
    ark: type({ age: 'number' }),
    valibot: v.object({ age: v.number() }),
    fields: [['age', '25']],
    expect: { payload: { age: 25 } },
  },
  {
    name: 'Astro: words in a number field are refused on that field (Astro passes NaN)',
    zod: z.object({ age: z.number() }),
    ark: type({ age: 'number' }),
    valibot: v.object({ age: v.number() }),
    fields: [['age', 'twenty-five']],
    expect: { refused: ['age'] },
  },
  {
    name: 'Astro: checkboxes: any value is checked, "false" is not, an absent box is false',
    zod: z.object({
      isCool: z.boolean(),
      isNotCool: z.boolean(),
      isTrue: z.boolean(),
      isFalse: z.boolean(),
      falseString: z.boolean(),
    }),
    ark: type({
      isCool: 'boolean',
      isNotCool: 'boolean',
      isTrue: 'boolean',
      isFalse: 'boolean',
      falseString: 'boolean',
    }),
    valibot: v.object({
      isCool: v.boolean(),
      isNotCool: v.boolean(),
      isTrue: v.boolean(),
      isFalse: v.boolean(),
      falseString: v.boolean(),
    }),
    fields: [
      ['isCool', 'yes'],
      ['isTrue', 'true'],
      ['isFalse', 'false'],
      ['falseString', 'false'],
    ],
    expect: { payload: { isCool: true, isNotCool: false, isTrue: true, isFalse: false, falseString: false } },
  },
  {
    name: 'Astro: absent optional fields are left out',
    zod: z.object({ name: z.string().optional(), email: z.string().optional(), age: z.number().optional() }),
    ark: type({ 'name?': 'string', 'email?': 'string', 'age?': 'number' }),
    valibot: v.object({ name: v.optional(v.string()), email: v.optional(v.string()), age: v.optional(v.number()) }),
    fields: [['name', 'Ben']],
    expect: { payload: { name: 'Ben' } },
  },
  {
    name: 'Astro: absent nullable fields are null',
    zod: z.object({ name: z.string().nullable(), email: z.string().nullable(), age: z.number().nullable() }),
    ark: type({ name: 'string | null', email: 'string | null', age: 'number | null' }),
    valibot: v.object({ name: v.nullable(v.string()), email: v.nullable(v.string()), age: v.nullable(v.number()) }),
    fields: [['name', 'Ben']],
    expect: { payload: { name: 'Ben', email: null, age: null } },
  },
  {
    name: 'Astro: absent fields take their defaults, but a checkbox group with none checked is [] (Astro: the default)',
    zod: z.object({
      name: z.string().default('test'),
      email: z.string().default('test@test.test'),
      favoriteNumbers: z.array(z.number()).default([1, 2]),
    }),
    valibot: v.object({
      name: v.optional(v.string(), 'test'),
      email: v.optional(v.string(), 'test@test.test'),
      favoriteNumbers: v.optional(v.array(v.number()), [1, 2]),
    }),
    fields: [],
    expect: { payload: { name: 'test', email: 'test@test.test', favoriteNumbers: [] } },
  },
  {
    name: 'Astro: default, optional and nullish chained',
    zod: z.object({
      name: z.string().default('test').optional(),
      email: z.string().optional().nullish(),
    }),
    fields: [['email', 'test@test.test']],
    expect: { payload: { name: 'test', email: 'test@test.test' } },
  },
  {
    name: 'Astro: a chosen file is kept',
    zod: z.object({ file: z.instanceof(File) }),
    ark: type({ file: type.instanceOf(File) }),
    valibot: v.object({ file: v.instance(File) }),
    fields: [['file', file('test.txt', 'hello')]],
    expect: { payload: { file: 'file:test.txt:5' } },
  },
  {
    name: 'Astro: a repeated name is an array of strings',
    zod: z.object({ contact: z.array(z.string()) }),
    ark: type({ contact: 'string[]' }),
    valibot: v.object({ contact: v.array(v.string()) }),
    fields: [
      ['contact', 'Ben'],
      ['contact', 'Jane'],
      ['contact', 'John'],
    ],
    expect: { payload: { contact: ['Ben', 'Jane', 'John'] } },
  },
  {
    name: 'Astro: a repeated name is an array of numbers',
    zod: z.object({ age: z.array(z.number()) }),
    ark: type({ age: 'number[]' }),
    valibot: v.object({ age: v.array(v.number()) }),
    fields: [
      ['age', '25'],
      ['age', '30'],
      ['age', '35'],
    ],
    expect: { payload: { age: [25, 30, 35] } },
  },
  {
    name: 'Astro: an array of booleans keeps "false" false',
    zod: z.object({ flags: z.array(z.boolean()) }),
    ark: type({ flags: 'boolean[]' }),
    valibot: v.object({ flags: v.array(v.boolean()) }),
    fields: [
      ['flags', 'false'],
      ['flags', 'true'],
      ['flags', 'false'],
    ],
    expect: { payload: { flags: [false, true, false] } },
  },
  {
    name: 'Astro: an array of files',
    zod: z.object({ files: z.array(z.instanceof(File)) }),
    ark: type({ files: type.instanceOf(File).array() }),
    valibot: v.object({ files: v.array(v.file()) }),
    fields: [
      ['files', file('test1.txt', 'a')],
      ['files', file('test2.txt', 'bb')],
    ],
    expect: { payload: { files: ['file:test1.txt:1', 'file:test2.txt:2'] } },
  },
  {
    name: 'Astro: dotted names build a nested object',
    zod: z.object({ a: z.string(), bc: z.object({ b: z.enum(['hoge', 'huga']), c: z.string().optional() }) }),
    ark: type({ a: 'string', bc: { b: "'hoge' | 'huga'", 'c?': 'string' } }),
    valibot: v.object({ a: v.string(), bc: v.object({ b: v.picklist(['hoge', 'huga']), c: v.optional(v.string()) }) }),
    fields: [
      ['a', 'hello'],
      ['bc.b', 'hoge'],
      ['bc.c', 'world'],
    ],
    expect: { payload: { a: 'hello', bc: { b: 'hoge', c: 'world' } } },
  },
  {
    name: 'Astro: a nested object with a refinement',
    zod: z.object({
      a: z.string(),
      bc: z
        .object({ b: z.enum(['hoge', 'huga']), c: z.string().optional() })
        .refine((bc) => bc.b !== 'huga' || Boolean(bc.c), { message: 'C is required', path: ['c'] }),
    }),
    fields: [
      ['a', 'hello'],
      ['bc.b', 'huga'],
      ['bc.c', 'test'],
    ],
    expect: { payload: { a: 'hello', bc: { b: 'huga', c: 'test' } } },
  },
  {
    name: 'Astro: deeply nested dotted names',
    zod: z.object({ a: z.object({ b: z.object({ c: z.string(), d: z.number() }) }) }),
    ark: type({ a: { b: { c: 'string', d: 'number' } } }),
    valibot: v.object({ a: v.object({ b: v.object({ c: v.string(), d: v.number() }) }) }),
    fields: [
      ['a.b.c', 'deep'],
      ['a.b.d', '42'],
    ],
    expect: { payload: { a: { b: { c: 'deep', d: 42 } } } },
  },
  {
    name: 'Astro: an optional nested object with no fields is left out',
    zod: z.object({ name: z.string(), address: z.object({ street: z.string(), city: z.string() }).optional() }),
    ark: type({ name: 'string', 'address?': { street: 'string', city: 'string' } }),
    valibot: v.object({ name: v.string(), address: v.optional(v.object({ street: v.string(), city: v.string() })) }),
    fields: [['name', 'Ben']],
    expect: { payload: { name: 'Ben' } },
  },
  {
    name: 'Astro: a nullable nested object with no fields is null',
    zod: z.object({ name: z.string(), address: z.object({ street: z.string(), city: z.string() }).nullable() }),
    ark: type({ name: 'string', address: type({ street: 'string', city: 'string' }).or('null') }),
    valibot: v.object({ name: v.string(), address: v.nullable(v.object({ street: v.string(), city: v.string() })) }),
    fields: [['name', 'Ben']],
    expect: { payload: { name: 'Ben', address: null } },
  },
  {
    name: 'Astro: an optional nested object with fields',
    zod: z.object({ name: z.string(), address: z.object({ street: z.string(), city: z.string() }).optional() }),
    ark: type({ name: 'string', 'address?': { street: 'string', city: 'string' } }),
    valibot: v.object({ name: v.string(), address: v.optional(v.object({ street: v.string(), city: v.string() })) }),
    fields: [
      ['name', 'Ben'],
      ['address.street', '123 Main'],
      ['address.city', 'Springfield'],
    ],
    expect: { payload: { name: 'Ben', address: { street: '123 Main', city: 'Springfield' } } },
  },
  {
    name: 'Astro: a nested object with a default and no fields takes the default',
    zod: z.object({ name: z.string(), settings: z.object({ theme: z.string() }).default({ theme: 'dark' }) }),
    valibot: v.object({ name: v.string(), settings: v.optional(v.object({ theme: v.string() }), { theme: 'dark' }) }),
    fields: [['name', 'Ben']],
    expect: { payload: { name: 'Ben', settings: { theme: 'dark' } } },
  },
  {
    name: 'Astro (cause 1): a nested object with a default and its fields sent takes the fields',
    zod: z.object({ name: z.string(), settings: z.object({ theme: z.string() }).default({ theme: 'dark' }) }),
    valibot: v.object({ name: v.string(), settings: v.optional(v.object({ theme: v.string() }), { theme: 'dark' }) }),
    fields: [
      ['name', 'Ben'],
      ['settings.theme', 'light'],
    ],
    expect: { payload: { name: 'Ben', settings: { theme: 'light' } } },
  },
  {
    name: 'Astro: a nested discriminated union, first variant',
    zod: z.object({ name: z.string(), contact }),
    valibot: v.object({
      name: v.string(),
      contact: v.variant('type', [
        v.object({ type: v.literal('email'), email: v.string() }),
        v.object({ type: v.literal('phone'), phone: v.string() }),
      ]),
    }),
    fields: [
      ['name', 'Ben'],
      ['contact.type', 'email'],
      ['contact.email', 'ben@test.test'],
    ],
    expect: { payload: { name: 'Ben', contact: { type: 'email', email: 'ben@test.test' } } },
  },
  {
    name: 'Astro: a nested discriminated union, second variant',
    zod: z.object({ name: z.string(), contact }),
    ark: type({
      name: 'string',
      contact: type({ type: "'email'", email: 'string' }).or({ type: "'phone'", phone: 'string' }),
    }),
    valibot: v.object({
      name: v.string(),
      contact: v.variant('type', [
        v.object({ type: v.literal('email'), email: v.string() }),
        v.object({ type: v.literal('phone'), phone: v.string() }),
      ]),
    }),
    fields: [
      ['name', 'Ben'],
      ['contact.type', 'phone'],
      ['contact.phone', '555-1234'],
    ],
    expect: { payload: { name: 'Ben', contact: { type: 'phone', phone: '555-1234' } } },
  },
  {
    name: 'Astro: a field the schema does not name passes through as sent (loose object)',
    zod: z.looseObject({ expected: z.number() }),
    valibot: v.looseObject({ expected: v.number() }),
    fields: [
      ['expected', '42'],
      ['unexpected', '42'],
    ],
    expect: { payload: { expected: 42, unexpected: '42' } },
  },

  // The nine causes.
  {
    name: 'cause 1: a dotted name fills a nested object (was dropped)',
    zod: z.object({ name: z.string(), address: z.object({ zip: z.string() }).optional() }),
    ark: type({ name: 'string', 'address?': { zip: 'string' } }),
    valibot: v.object({ name: v.string(), address: v.optional(v.object({ zip: v.string() })) }),
    fields: [
      ['name', 'Ada'],
      ['address.zip', '12345'],
    ],
    expect: { payload: { name: 'Ada', address: { zip: '12345' } } },
  },
  {
    name: 'cause 1: a dotted name inside a nested object is refused by its own path',
    zod: z.object({ address: z.object({ zip: z.string().length(5) }) }),
    ark: type({ address: { zip: 'string == 5' } }),
    valibot: v.object({ address: v.object({ zip: v.pipe(v.string(), v.length(5)) }) }),
    fields: [['address.zip', '123']],
    expect: { refused: ['address.zip'] },
  },
  {
    name: 'cause 2: a blank number field for a nullable number is null',
    zod: z.object({ rating: z.number().nullable() }),
    ark: type({ rating: 'number | null' }),
    valibot: v.object({ rating: v.nullable(v.number()) }),
    fields: [['rating', '']],
    expect: { payload: { rating: null } },
  },
  {
    name: 'cause 3: blank optional fields with a rule are left out (email, url, min length, <select> placeholder)',
    zod: z.object({
      email: z.email().optional(),
      site: z.url().optional(),
      nick: z.string().min(3).optional(),
      size: z.enum(['s', 'm', 'l']).optional(),
    }),
    ark: type({ 'email?': 'string.email', 'site?': 'string.url', 'nick?': 'string >= 3', 'size?': "'s' | 'm' | 'l'" }),
    valibot: v.object({
      email: v.optional(v.pipe(v.string(), v.email())),
      site: v.optional(v.pipe(v.string(), v.url())),
      nick: v.optional(v.pipe(v.string(), v.minLength(3))),
      size: v.optional(v.picklist(['s', 'm', 'l'])),
    }),
    fields: [
      ['email', ''],
      ['site', ''],
      ['nick', ''],
      ['size', ''],
    ],
    expect: { payload: {} },
  },
  {
    name: 'cause 3: a blank optional plain text field stays "" (a blank satisfies it)',
    zod: z.object({ note: z.string().optional() }),
    ark: type({ 'note?': 'string' }),
    valibot: v.object({ note: v.optional(v.string()) }),
    fields: [['note', '']],
    expect: { payload: { note: '' } },
  },
  {
    name: 'cause 4: fields with .meta({ id }) are still coerced',
    zod: z.object({
      age: z.number().meta({ id: 'Age' }),
      agree: z.boolean().meta({ id: 'Agree' }),
      news: z.boolean().meta({ id: 'News' }),
    }),
    fields: [
      ['age', '5'],
      ['agree', 'on'],
    ],
    expect: { payload: { age: 5, agree: true, news: false } },
  },
  {
    name: 'cause 5: a nullable array of numbers is coerced',
    zod: z.object({ scores: z.array(z.number()).nullable() }),
    ark: type({ scores: 'number[] | null' }),
    valibot: v.object({ scores: v.nullable(v.array(v.number())) }),
    fields: [
      ['scores', '1'],
      ['scores', '2'],
    ],
    expect: { payload: { scores: [1, 2] } },
  },
  {
    name: 'cause 6: number or a word: the word stays a word',
    zod: z.object({ width: z.union([z.number(), z.literal('auto')]) }),
    ark: type({ width: "number | 'auto'" }),
    valibot: v.object({ width: v.union([v.number(), v.literal('auto')]) }),
    fields: [['width', 'auto']],
    expect: { payload: { width: 'auto' } },
  },
  {
    name: 'cause 6: number or a word: a number is a number',
    zod: z.object({ width: z.union([z.number(), z.literal('auto')]) }),
    ark: type({ width: "number | 'auto'" }),
    valibot: v.object({ width: v.union([v.number(), v.literal('auto')]) }),
    fields: [['width', '640']],
    expect: { payload: { width: 640 } },
  },
  {
    name: 'cause 7: a root discriminated union picks its variant, then coerces it',
    zod: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('a'), qty: z.number() }),
      z.object({ kind: z.literal('b'), name: z.string() }),
    ]),
    ark: type({ kind: "'a'", qty: 'number' }).or({ kind: "'b'", name: 'string' }),
    valibot: v.variant('kind', [
      v.object({ kind: v.literal('a'), qty: v.number() }),
      v.object({ kind: v.literal('b'), name: v.string() }),
    ]),
    fields: [
      ['kind', 'a'],
      ['qty', '5'],
    ],
    expect: { payload: { kind: 'a', qty: 5 } },
  },
  {
    name: 'cause 9: the false words of z.stringbool(), any case, and blank',
    zod: z.object({
      a: z.boolean(),
      b: z.boolean(),
      c: z.boolean(),
      d: z.boolean(),
      e: z.boolean(),
      f: z.boolean(),
      g: z.boolean(),
    }),
    ark: type({ a: 'boolean', b: 'boolean', c: 'boolean', d: 'boolean', e: 'boolean', f: 'boolean', g: 'boolean' }),
    valibot: v.object({
      a: v.boolean(),
      b: v.boolean(),
      c: v.boolean(),
      d: v.boolean(),
      e: v.boolean(),
      f: v.boolean(),
      g: v.boolean(),
    }),
    fields: [
      ['a', 'no'],
      ['b', 'N'],
      ['c', 'Disabled'],
      ['d', 'OFF'],
      ['e', 'False'],
      ['f', '0'],
      ['g', ''],
    ],
    expect: { payload: { a: false, b: false, c: false, d: false, e: false, f: false, g: false } },
  },
  {
    name: 'cause 9: the true words, any case',
    zod: z.object({ a: z.boolean(), b: z.boolean(), c: z.boolean(), d: z.boolean() }),
    ark: type({ a: 'boolean', b: 'boolean', c: 'boolean', d: 'boolean' }),
    valibot: v.object({ a: v.boolean(), b: v.boolean(), c: v.boolean(), d: v.boolean() }),
    fields: [
      ['a', 'YES'],
      ['b', 'y'],
      ['c', 'Enabled'],
      ['d', 'on'],
    ],
    expect: { payload: { a: true, b: true, c: true, d: true } },
  },
  {
    name: 'a root union of objects picks the branch the fields fit',
    zod: z.union([z.object({ email: z.string() }), z.object({ phone: z.string(), ext: z.number() })]),
    ark: type({ email: 'string' }).or({ phone: 'string', ext: 'number' }),
    valibot: v.union([v.object({ email: v.string() }), v.object({ phone: v.string(), ext: v.number() })]),
    fields: [
      ['phone', '555'],
      ['ext', '12'],
    ],
    expect: { payload: { phone: '555', ext: 12 } },
  },
  {
    name: 'a tuple field takes the repeated name by position',
    zod: z.object({ point: z.tuple([z.number(), z.number()]) }),
    ark: type({ point: ['number', 'number'] }),
    valibot: v.object({ point: v.tuple([v.number(), v.number()]) }),
    fields: [
      ['point', '3'],
      ['point', '4'],
    ],
    expect: { payload: { point: [3, 4] } },
  },

  // Edge cases, by input kind.
  {
    name: 'submit button: the clicked button is a field like any other',
    zod: z.object({ title: z.string(), intent: z.enum(['save', 'delete']) }),
    ark: type({ title: 'string', intent: "'save' | 'delete'" }),
    valibot: v.object({ title: v.string(), intent: v.picklist(['save', 'delete']) }),
    fields: [
      ['title', 'Dune'],
      ['intent', 'delete'],
    ],
    expect: { payload: { title: 'Dune', intent: 'delete' } },
  },
  {
    name: 'checkbox: checked is true, unchecked (absent) is false, even with default(true)',
    zod: z.object({ on: z.boolean(), off: z.boolean(), keep: z.boolean().default(true) }),
    valibot: v.object({ on: v.boolean(), off: v.boolean(), keep: v.optional(v.boolean(), true) }),
    fields: [['on', 'on']],
    expect: { payload: { on: true, off: false, keep: false } },
  },
  {
    name: 'checkbox: a hidden "false" before the box, checked: the last value wins',
    zod: z.object({ agree: z.boolean() }),
    ark: type({ agree: 'boolean' }),
    valibot: v.object({ agree: v.boolean() }),
    fields: [
      ['agree', 'false'],
      ['agree', 'true'],
    ],
    expect: { payload: { agree: true } },
  },
  {
    name: 'checkbox group: several checked, and none checked is []',
    zod: z.object({ genres: z.array(z.enum(['sf', 'drama', 'noir'])), moods: z.array(z.string()) }),
    ark: type({ genres: "('sf' | 'drama' | 'noir')[]", moods: 'string[]' }),
    valibot: v.object({ genres: v.array(v.picklist(['sf', 'drama', 'noir'])), moods: v.array(v.string()) }),
    fields: [
      ['genres', 'sf'],
      ['genres', 'noir'],
    ],
    expect: { payload: { genres: ['sf', 'noir'], moods: [] } },
  },
  {
    name: 'numbers: spaces around, exponent, negative and decimal',
    zod: z.object({ a: z.number(), b: z.number(), c: z.number(), d: z.number().int() }),
    ark: type({ a: 'number', b: 'number', c: 'number', d: 'number.integer' }),
    valibot: v.object({ a: v.number(), b: v.number(), c: v.number(), d: v.pipe(v.number(), v.integer()) }),
    fields: [
      ['a', ' 5 '],
      ['b', '1e3'],
      ['c', '-2.5'],
      ['d', '7'],
    ],
    expect: { payload: { a: 5, b: 1000, c: -2.5, d: 7 } },
  },
  {
    name: 'numbers: hex, "NaN" and "Infinity" are not numbers a number input sends: refused',
    zod: z.object({ a: z.number(), b: z.number(), c: z.number() }),
    ark: type({ a: 'number', b: 'number', c: 'number' }),
    valibot: v.object({ a: v.number(), b: v.number(), c: v.pipe(v.number(), v.finite()) }),
    fields: [
      ['a', '0x10'],
      ['b', 'NaN'],
      ['c', 'Infinity'],
    ],
    expect: { refused: ['a', 'b', 'c'] },
  },
  {
    name: 'numbers: blank and required is refused',
    zod: z.object({ year: z.number() }),
    ark: type({ year: 'number' }),
    valibot: v.object({ year: v.number() }),
    fields: [['year', '']],
    expect: { refused: ['year'] },
  },
  {
    name: 'numbers: blank is left out when optional, null when nullable, the default when it has one',
    zod: z.object({
      a: z.number().optional(),
      b: z.number().nullable(),
      c: z.number().default(7),
      d: z.number().nullish(),
    }),
    valibot: v.object({
      a: v.optional(v.number()),
      b: v.nullable(v.number()),
      c: v.optional(v.number(), 7),
      d: v.nullish(v.number()),
    }),
    fields: [
      ['a', ''],
      ['b', ''],
      ['c', ''],
      ['d', ''],
    ],
    expect: { payload: { b: null, c: 7, d: null } },
  },
  {
    name: 'numbers: z.coerce.number() blank is refused, not 0',
    zod: z.object({ n: z.coerce.number().int().positive() }),
    fields: [['n', '']],
    expect: { refused: ['n'] },
  },
  {
    name: 'text: a required blank stays "" so the schema says why; trimmed; min length',
    zod: z.object({ title: z.string(), name: z.string().trim(), code: z.string().min(2) }),
    ark: type({ title: 'string', name: 'string', code: 'string >= 2' }),
    valibot: v.object({
      title: v.string(),
      name: v.pipe(v.string(), v.trim()),
      code: v.pipe(v.string(), v.minLength(2)),
    }),
    fields: [
      ['title', ''],
      ['name', '  Ada  '],
      ['code', 'x'],
    ],
    expect: { refused: ['code'] },
  },
  {
    name: 'text: a trimmed string arrives trimmed, and a nullable blank text is null',
    zod: z.object({ name: z.string().trim(), nick: z.string().nullable() }),
    valibot: v.object({ name: v.pipe(v.string(), v.trim()), nick: v.nullable(v.string()) }),
    fields: [
      ['name', '  Ada  '],
      ['nick', ''],
    ],
    expect: { payload: { name: 'Ada', nick: null } },
  },
  {
    name: 'select: an enum value, and a value outside it refused',
    zod: z.object({ size: z.enum(['s', 'm', 'l']), fit: z.enum(['slim', 'loose']) }),
    ark: type({ size: "'s' | 'm' | 'l'", fit: "'slim' | 'loose'" }),
    valibot: v.object({ size: v.picklist(['s', 'm', 'l']), fit: v.picklist(['slim', 'loose']) }),
    fields: [
      ['size', 'm'],
      ['fit', 'baggy'],
    ],
    expect: { refused: ['fit'] },
  },
  {
    name: 'literals: a number literal, a string literal and a boolean literal',
    zod: z.object({ n: z.literal(5), s: z.literal('yes'), t: z.literal(true) }),
    ark: type({ n: '5', s: "'yes'", t: 'true' }),
    valibot: v.object({ n: v.literal(5), s: v.literal('yes'), t: v.literal(true) }),
    fields: [
      ['n', '5'],
      ['s', 'yes'],
      ['t', 'true'],
    ],
    expect: { payload: { n: 5, s: 'yes', t: true } },
  },
  {
    name: 'dates: a date input and a datetime-local input become Dates; blank optional is left out',
    zod: z.object({ day: z.date(), at: z.date(), until: z.date().optional() }),
    ark: type({ day: 'Date', at: 'Date', 'until?': 'Date' }),
    valibot: v.object({ day: v.date(), at: v.date(), until: v.optional(v.date()) }),
    fields: [
      ['day', '2024-01-31'],
      ['at', '2024-01-31T10:30'],
      ['until', ''],
    ],
    expect: { payload: { day: new Date('2024-01-31'), at: new Date('2024-01-31T10:30') } },
  },
  {
    name: 'dates: text that is not a date is refused',
    zod: z.object({ day: z.date() }),
    ark: type({ day: 'Date' }),
    valibot: v.object({ day: v.date() }),
    fields: [['day', 'tomorrow']],
    expect: { refused: ['day'] },
  },
  {
    name: 'bigint: digits become a BigInt',
    zod: z.object({ id: z.bigint() }),
    ark: type({ id: 'bigint' }),
    valibot: v.object({ id: v.bigint() }),
    fields: [['id', '12345678901234567890']],
    expect: { payload: { id: 12345678901234567890n } },
  },
  {
    name: 'files: several chosen in one input',
    zod: z.object({ photos: z.array(z.file()) }),
    valibot: v.object({ photos: v.array(v.file()) }),
    fields: [
      ['photos', file('a.png', 'png!', 'image/png')],
      ['photos', file('b.png', 'png!!', 'image/png')],
    ],
    expect: { payload: { photos: ['file:a.png:4', 'file:b.png:5'] } },
  },
  {
    name: 'files: an empty file input is left out when optional',
    zod: z.object({ title: z.string(), poster: z.file().optional() }),
    ark: type({ title: 'string', 'poster?': type.instanceOf(File) }),
    valibot: v.object({ title: v.string(), poster: v.optional(v.file()) }),
    fields: [
      ['title', 'No poster'],
      ['poster', emptyFile],
    ],
    expect: { payload: { title: 'No poster' } },
  },
  {
    name: 'files: an empty multiple file input is []',
    zod: z.object({ photos: z.array(z.file()) }),
    valibot: v.object({ photos: v.array(v.file()) }),
    fields: [['photos', emptyFile]],
    expect: { payload: { photos: [] } },
  },
  {
    name: 'files: an empty file input is refused when required',
    zod: z.object({ poster: z.file() }),
    ark: type({ poster: type.instanceOf(File) }),
    valibot: v.object({ poster: v.file() }),
    fields: [['poster', emptyFile]],
    expect: { refused: ['poster'] },
  },
];

/** The same file as an empty part (Chromium) and as a plain "" field (Node's FormData for new File([], '')). */
export const EMPTY_FILE_AS_BLANK_TEXT: FormCase = {
  name: 'files: an empty file sent as a plain "" field is left out when optional',
  zod: z.object({ title: z.string(), poster: z.file().optional() }),
  valibot: v.object({ title: v.string(), poster: v.optional(v.file()) }),
  fields: [
    ['title', 'No poster'],
    ['poster', ''],
  ],
  expect: { payload: { title: 'No poster' } },
};

export const hasFile = (c: FormCase) => c.fields.some(([, value]) => typeof value !== 'string');

/** What the action received, with files as `file:<name>:<size>` so a case can name them. */
export function describeReceived(value: unknown): unknown {
  if (value instanceof File) return `file:${value.name}:${value.size}`;
  if (Array.isArray(value)) return value.map(describeReceived);
  if (value instanceof Date || typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, describeReceived(item)]));
}
