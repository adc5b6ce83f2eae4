import type { DictionaryOrder, Schema } from '../schema/rules'

/**
 * The order a planning file writes keys in, read from the plan's schema rather than listed again: an
 * object's keys in the order of its schema's entries (keys left undefined are left out), a dictionary's
 * keys sorted when its schema says so (assumptions, overrides, ranges), list items in their order, and
 * anything else (extensions, assumption values) as it is.
 */

type Node = Schema & {
  pipe?: readonly { kind: string; type: string; entries?: Record<string, Schema>; metadata?: unknown }[]
  wrapped?: Schema
  item?: Schema
  entries?: Record<string, Schema>
}

type Shape = { node: Node; order: null } | { node: null; order: DictionaryOrder }

/**
 * What decides the written shape of a schema's values: an object or array schema (looking through
 * optional/nullish/nullable and into pipes, last item first) or a dictionary's key order; null for a leaf.
 */
function shapeOf(schema: Schema): Shape | null {
  let node = schema as Node
  while (node.wrapped) node = node.wrapped as Node
  if ((node.type === 'object' && node.entries) || (node.type === 'array' && node.item)) {
    return { node, order: null }
  }
  for (const item of [...(node.pipe ?? [])].reverse()) {
    if (item.type === 'metadata') return { node: null, order: item.metadata as DictionaryOrder }
    if (item.kind === 'schema') {
      const inner = shapeOf(item as unknown as Schema)
      if (inner) return inner
    }
  }
  return null
}

/** A copy of `value` with its keys in the order `schema` gives (see the module comment). */
export function inSchemaOrder(schema: Schema, value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value
  const shape = shapeOf(schema)
  if (!shape) return value
  const { node, order } = shape
  if (node?.type === 'array' && node.item && Array.isArray(value)) {
    const item = node.item
    return value.map((element: unknown) => inSchemaOrder(item, element))
  }
  const record = value as Record<string, unknown>
  if (node?.type === 'object' && node.entries) {
    const out: Record<string, unknown> = {}
    for (const [key, entry] of Object.entries(node.entries)) {
      if (record[key] !== undefined) out[key] = inSchemaOrder(entry, record[key])
    }
    return out
  }
  if (order?.keyOrder === 'sorted') {
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(record).sort()) {
      out[key] = order.valueSchema ? inSchemaOrder(order.valueSchema, record[key]) : record[key]
    }
    return out
  }
  return value
}
