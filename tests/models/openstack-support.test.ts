import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { supportTierUsdPerYear, type OpenstackSupportTier } from '../../models/cost/openstack-support'

const PRICES = { infra: 225, standard: 750, advanced: 1500 }

describe('OpenStack support tiers', () => {
  it.each([
    // tier, nodes, sockets → USD per year
    ['none', 30, 2, 0],
    ['infra', 30, 2, 6750], // 30 × 225
    ['standard', 30, 2, 22500], // 30 × 750
    ['advanced', 30, 2, 45000], // 30 × 1,500
    ['perSocketPair', 30, 2, 30000], // 30 × ⌈2/2⌉ × 1,000
    ['perSocketPair', 10, 1, 10000], // a single socket counts as a pair: 10 × 1 × 1,000
    ['perSocketPair', 10, 4, 20000], // 10 × 2 × 1,000
  ] as const)('%s on %i nodes of %i sockets → %i USD', (tier, nodes, socketsPerNode, usd) => {
    expect(
      supportTierUsdPerYear({
        tier,
        nodes,
        socketsPerNode,
        usdPerNodeYear: PRICES,
        usdPerSocketPairYear: 1000,
      })
    ).toBe(usd)
  })

  it('a higher per-node tier never costs less when its price is not below the lower one', () => {
    const order: OpenstackSupportTier[] = ['none', 'infra', 'standard', 'advanced']
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 0, max: 10_000 }),
        (raw, nodes) => {
          const [infra, standard, advanced] = [...raw].sort((a, b) => a - b) as [number, number, number]
          const cost = (tier: OpenstackSupportTier) =>
            supportTierUsdPerYear({
              tier,
              nodes,
              socketsPerNode: 2,
              usdPerNodeYear: { infra, standard, advanced },
              usdPerSocketPairYear: 0,
            })
          for (let i = 1; i < order.length; i++)
            expect(cost(order[i] as OpenstackSupportTier)).toBeGreaterThanOrEqual(
              cost(order[i - 1] as OpenstackSupportTier)
            )
        }
      )
    )
  })
})
