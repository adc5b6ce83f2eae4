import type * as v from 'valibot'
import { issueKeyPath, SHAPE_ISSUE } from '../schema/rules'
import { refuse, type PlanFileErrorKind } from './errors'

/** The first part of an issue's `expected` when its message is the whole refusal, of the kind after it. */
const WHOLE_REFUSAL_PREFIX = 'stackplan:refusal:'

/** Marks an issue whose message is the whole refusal, of this kind (nothing is put in front of it). */
export function wholeRefusal(kind: PlanFileErrorKind): string {
  return `${WHOLE_REFUSAL_PREFIX}${kind}`
}

function joinKeyPath(parent: string, child: string): string {
  if (parent === '' || child === '') return parent + child
  return child.startsWith('[') ? parent + child : `${parent}.${child}`
}

/**
 * Refuses a planning file for a schema issue, in the file's words: "Invalid planning file: view must be an
 * object of view settings", "Unknown key at view: …", "Invalid value at view.curvePoints: …". The key path
 * is the issue's path under `under` (the place the checked value has in the plan; '' for the plan itself,
 * which messages call "plan").
 */
export function refuseIssue(issue: v.BaseIssue<unknown>, under = ''): never {
  const where = joinKeyPath(under, issueKeyPath(issue))
  const expected = issue.expected ?? ''
  if (expected === SHAPE_ISSUE.notObject) {
    const place = where || 'plan'
    refuse('invalidStructure', `Invalid planning file: ${place} must be ${issue.message}`, place)
  }
  if (expected === SHAPE_ISSUE.unknownKey) {
    const place = where || 'plan'
    refuse('unknownKey', `Unknown key at ${place}: ${issue.message}`, `${place}.${issue.received}`)
  }
  if (expected.startsWith(WHOLE_REFUSAL_PREFIX)) {
    refuse(expected.slice(WHOLE_REFUSAL_PREFIX.length) as PlanFileErrorKind, issue.message, where)
  }
  return refuse('invalidValue', `Invalid value at ${where}: ${issue.message}`, where)
}
