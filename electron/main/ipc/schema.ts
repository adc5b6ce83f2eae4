import * as v from 'valibot'
import { createSchemaRules, describeInput, IPC_WORDING, type SchemaRule } from '../../../models/index'

/**
 * IPC payload schemas: the shared rules of models/schema/ (text, numbers, flags, choices, objects with
 * known keys) in their IPC words, plus what only a payload has (binary data, the argument list). Every
 * validator either returns a fresh, plain copy of exactly the declared shape or throws an IpcPayloadError
 * naming the field ("argument 1.path must be …"). Nothing is coerced (a -0 reads as 0). Objects must be
 * plain, and an own `__proto__`/`constructor` key is refused like any unexpected field.
 */
export class IpcPayloadError extends Error {
  override name = 'IpcPayloadError'
}

const rules = createSchemaRules(IPC_WORDING)

/** Text of `minChars` to `maxChars` UTF-16 units, optionally matching `pattern`. */
export const text = rules.text
/** A finite number in [min, max], whole when `isInteger`. */
export const finiteNumber = rules.number
export const boolean = rules.flag
/** One of a fixed list of strings. */
export const oneOf = rules.choice
/** An object with exactly these keys: a missing or an extra key (own `__proto__` included) is refused. */
export const object = rules.object

/** Binary data (a Uint8Array or Buffer) of at most `maxBytes`; copied so later changes cannot reach it. */
export function bytes(rule: { maxBytes: number }) {
  return v.pipe(
    v.instance(Uint8Array, (issue) => `must be binary data, got ${describeInput(issue.input)}`),
    v.check(
      (b) => b.byteLength <= rule.maxBytes,
      (issue) => `must be at most ${rule.maxBytes} bytes (got ${(issue.input as Uint8Array).byteLength})`
    ),
    v.transform((b) => new Uint8Array(b))
  )
}

export function nullable<S extends SchemaRule>(inner: S) {
  return v.nullable(inner)
}

/** Where an issue is: "argument 2.expected.sha256" (path keys after the argument index). */
function issuePlace(issue: v.BaseIssue<unknown>): string {
  const [first, ...rest] = issue.path ?? []
  if (!first) return 'arguments'
  return `argument ${Number(first.key) + 1}` + rest.map((item) => `.${String(item.key)}`).join('')
}

type ArgsOutput<V extends readonly SchemaRule[]> = {
  -readonly [I in keyof V]: v.InferOutput<V[I]>
}

/** The argument list of a channel: exactly this many arguments, each validated. */
export function args<V extends readonly SchemaRule[]>(...schemas: V): (values: unknown[]) => ArgsOutput<V> {
  const schema = v.pipe(
    v.array(v.unknown()),
    v.check(
      (values) => values.length === schemas.length,
      (issue) =>
        `must be ${schemas.length} value(s), got ${Array.isArray(issue.input) ? issue.input.length : 0}`
    ),
    v.strictTuple([...schemas])
  )
  return (values) => {
    const result = v.safeParse(schema, Array.isArray(values) ? values : [], { abortEarly: true })
    if (result.success) return result.output as ArgsOutput<V>
    const [issue] = result.issues
    throw new IpcPayloadError(`${issuePlace(issue)} ${issue.message}`)
  }
}
