/**
 * The words of every schema refusal, in one place. The planning file and the IPC payloads use the same
 * rules (models/schema/rules.ts) but speak to different readers: a person reading a file ("Invalid value at
 * view.curvePoints: 0 is out of range (allowed: 2 to 500, whole numbers)") and a developer reading a
 * refused call ("argument 1.proceed must be true or false, got string"). Each wording supplies the part
 * after the place; the place (a key path, an argument) is added where the issue is reported.
 */

/** Text: at most `maxChars` UTF-16 code units, at least `minChars`, optionally matching `pattern`. */
export interface TextRule {
  maxChars: number
  /** @default 0 */
  minChars?: number
  pattern?: RegExp
}

/** A finite number in [min, max] (or (min, max] when `isMinExclusive`), whole when `isInteger`. */
export interface NumberRule {
  /** @default -Number.MAX_VALUE */
  min?: number
  /** @default Number.MAX_VALUE */
  max?: number
  /** @default false */
  isInteger?: boolean
  /** The minimum itself is not allowed. @default false */
  isMinExclusive?: boolean
}

export interface SchemaWording {
  notText(rule: TextRule, input: unknown): string
  textTooShort(rule: TextRule, lengthChars: number): string
  textTooLong(rule: TextRule, lengthChars: number): string
  textFormat(rule: TextRule): string
  notNumber(rule: NumberRule, input: unknown): string
  outOfRange(rule: NumberRule, value: number): string
  notWhole(rule: NumberRule, value: number): string
  notFlag(input: unknown): string
  notChoice(options: readonly string[], input: unknown): string
  /** `what` describes the expected object in the file's words ("an object with samples and seed"). */
  notObject(what: string, input: unknown): string
  /** `extraKeys` are the unexpected keys in the order found; `allowedKeys` the object's keys. */
  unknownKeys(extraKeys: readonly string[], allowedKeys: readonly string[]): string
  /** Null: a missing key reads as undefined and its own rule words the refusal. */
  missingKey: ((key: string) => string) | null
  /** True: only objects whose prototype is Object.prototype or null are objects (IPC payloads). */
  isPlainObjectOnly: boolean
}

/** A count as people read it: 10000 → "10,000". */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US')
}

/** A limit as people read it, with at most six decimals: 0.000001 → "0.000001", 1e6 → "1,000,000". */
export function formatLimit(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 6 })
}

/** "allowed: 1 to 1,000,000, whole numbers", the range part of a planning file's number refusal. */
export function describeNumberRule(rule: NumberRule): string {
  const { min = -Number.MAX_VALUE, max = Number.MAX_VALUE } = rule
  const range = rule.isMinExclusive
    ? `greater than ${formatLimit(min)} and at most ${formatLimit(max)}`
    : `${formatLimit(min)} to ${formatLimit(max)}`
  return `allowed: ${range}${rule.isInteger ? ', whole numbers' : ''}`
}

function textSpan(rule: TextRule): string {
  const { minChars = 0, maxChars } = rule
  return minChars > 0 ? `${minChars} to ${maxChars}` : `at most ${formatCount(maxChars)}`
}

/** The planning file's words: each follows "Invalid value at <key path>: ". */
export const FILE_WORDING: SchemaWording = {
  notText: (rule) => `must be text of ${textSpan(rule)} characters`,
  textTooShort: (rule) => `must be text of ${textSpan(rule)} characters`,
  textTooLong: (rule, lengthChars) =>
    (rule.minChars ?? 0) > 0
      ? `must be text of ${textSpan(rule)} characters`
      : `the text is ${formatCount(lengthChars)} characters long; the limit is ${formatCount(rule.maxChars)}`,
  textFormat: (rule) => `must be text of ${textSpan(rule)} characters in the expected format`,
  notNumber: (rule) => `must be a finite number (${describeNumberRule(rule)})`,
  outOfRange: (rule, value) => `${value} is out of range (${describeNumberRule(rule)})`,
  notWhole: (rule, value) => `${value} must be a whole number (${describeNumberRule(rule)})`,
  notFlag: () => 'must be true or false',
  notChoice: (options) => `must be one of ${options.join(', ')}`,
  notObject: (what) => what,
  unknownKeys: (extraKeys, allowedKeys) =>
    `"${extraKeys[0]}" is not something this version of Stackplan reads (expected ${allowedKeys.join(', ')})`,
  missingKey: null,
  isPlainObjectOnly: false,
}

/** What a refused IPC value was, in a word: "null", "an array", "string". */
function describeInput(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value
}

/** The IPC payloads' words: each follows the argument's place ("argument 1.path "). */
export const IPC_WORDING: SchemaWording = {
  notText: (_rule, input) => `must be a string, got ${describeInput(input)}`,
  textTooShort: (rule) => `must be at least ${rule.minChars ?? 0} characters`,
  textTooLong: (rule, lengthChars) => `must be at most ${rule.maxChars} characters (got ${lengthChars})`,
  textFormat: () => 'has an invalid format',
  notNumber: (_rule, input) =>
    typeof input === 'number'
      ? `must be a finite number, got ${String(input)}`
      : `must be a number, got ${describeInput(input)}`,
  outOfRange: (rule) =>
    `must be between ${rule.min ?? -Number.MAX_VALUE} and ${rule.max ?? Number.MAX_VALUE}`,
  notWhole: () => 'must be a whole number',
  notFlag: (input) => `must be true or false, got ${describeInput(input)}`,
  notChoice: (options) => `must be one of ${options.join(', ')}`,
  notObject: (_what, input) => `must be an object, got ${describeInput(input)}`,
  unknownKeys: (extraKeys) => `has unexpected field(s): ${extraKeys.slice(0, 5).join(', ')}`,
  missingKey: (key) => `is missing the field "${key}"`,
  isPlainObjectOnly: true,
}

export { describeInput }
