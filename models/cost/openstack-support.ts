/** OpenStack support tiers (catalog key openstack.support), cheapest first. */
export type OpenstackSupportTier = 'none' | 'infra' | 'standard' | 'advanced' | 'perSocketPair'

/** The per-node tiers in order of what they cover; each covers what the one before it does. */
export const PER_NODE_SUPPORT_TIERS = ['infra', 'standard', 'advanced'] as const
export type PerNodeSupportTier = (typeof PER_NODE_SUPPORT_TIERS)[number]

/**
 * OpenStack support subscription, USD per year (docs/MODEL.md §3):
 * - none: upstream, self-supported (0);
 * - infra / standard / advanced: a price per physical node (every node the cloud runs: computes,
 *   controllers and storage), e.g. Ubuntu Pro (Infra-only) for security patching only, with weekday
 *   support, or with 24×7 support (Canonical, "Ubuntu Pro description", 2024-05-09);
 * - perSocketPair: quote-based distributions priced per pair of sockets (a single socket counts as a pair).
 * Example: 30 nodes on infra at 225 USD → 6,750 USD a year.
 */
export function supportTierUsdPerYear(options: {
  tier: OpenstackSupportTier
  nodes: number
  socketsPerNode: number
  usdPerNodeYear: Readonly<Record<PerNodeSupportTier, number>>
  usdPerSocketPairYear: number
}): number {
  const { tier, nodes } = options
  switch (tier) {
    case 'none':
      return 0
    case 'infra':
    case 'standard':
    case 'advanced':
      return nodes * options.usdPerNodeYear[tier]
    case 'perSocketPair':
      return nodes * Math.ceil(options.socketsPerNode / 2) * options.usdPerSocketPairYear
  }
}
