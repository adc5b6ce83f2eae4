import * as v from 'valibot'
import type { Plan } from '../plan/plan'
import { refuseIssue } from './issue-refusal'
import { FIRST_PROBLEM, PLAN_SCHEMA } from './plan-schema'

/**
 * Validates a plan object as it stands in a planning file (or as the app holds it) with PLAN_SCHEMA and
 * returns a fresh, normalized Plan: missing optional parts take the defaults of createDefaultPlan(), base
 * values equal to the catalog default are dropped, -0 reads as 0, a view pointing at a missing scenario
 * falls back to the first one. Throws a PlanFileRefusal naming the first problem found.
 */
export function validatePlan(value: unknown): Plan {
  const result = v.safeParse(PLAN_SCHEMA, value, FIRST_PROBLEM)
  if (result.success) return result.output
  return refuseIssue(result.issues[0])
}
