// Every limit of the app in one place: the file format, the IPC validators, the stores, the UI fields and
// the CLI all read them from here, so they cannot disagree. This module imports nothing, so every room of
// models/ (the catalog included) may use it.

/** Fleet size in VMs, wherever one is entered: the catalog's fleet.vms, --vms, curve ends, the fleet field. */
export const FLEET_VMS_LIMITS = { min: 1, max: 1_000_000 } as const

/** Fleet size in hosts, when the fleet field is set in hosts. */
export const FLEET_HOSTS_LIMITS = { min: 1, max: 100_000 } as const

/** Allowed view-curve bounds: fleet sizes as the catalog allows them, and how many points a curve has. */
export const CURVE_LIMITS = {
  minVms: FLEET_VMS_LIMITS.min,
  maxVms: FLEET_VMS_LIMITS.max,
  minPoints: 2,
  maxPoints: 1000,
} as const

/**
 * The default cost curve (DESIGN.md step 10): 10 to 100,000 VMs on a log scale, 61 points. A new plan's view
 * draws it, analyses look for crossovers on it, and a chart with no points yet spans it.
 */
export const DEFAULT_CURVE = { fromVms: 10, toVms: 100_000, points: 61 } as const

/** Defaults of a Monte Carlo run (CLI and UI). */
export const MONTE_CARLO_DEFAULTS = { samples: 2000, seed: 1 } as const

/** Largest seed: seeds are 32-bit unsigned integers. */
export const MAX_SEED = 4_294_967_295

/** Most samples one run may draw (the file format, the window, the CLI and the model agree). */
export const MAX_MONTE_CARLO_SAMPLES = 100_000

/**
 * Memory one Monte Carlo run of the command line may hold. A run keeps both platforms' cost at every fleet
 * size for every sample (2 × 8 bytes each) and every sampled value (8 bytes per key and sample): 100,000
 * samples × 1,000 fleet sizes from a file would take 1.6 GB, so such a run is refused before it starts.
 */
export const MAX_MONTE_CARLO_BYTES = 256 * 1024 * 1024

/** Sample counts a Monte Carlo run accepts. */
export const SAMPLE_LIMITS = { min: 1, max: MAX_MONTE_CARLO_SAMPLES } as const

/** Scorecard scores and weights are out of 10. */
export const SCORE_MAX = 10

/** Size cap of a planning file in bytes (10 MiB); checked before reading and again on the text. */
export const MAX_PLAN_FILE_BYTES = 10 * 1024 * 1024

/** Limits that keep a hostile or broken file from costing time or memory; each has its own message. */
export const PLAN_FILE_LIMITS = {
  maxBytes: MAX_PLAN_FILE_BYTES,
  /** Nesting of objects and arrays, the envelope counting as level 1. */
  maxDepth: 64,
  maxScenarios: 1000,
  /** Keys in any one object. */
  maxObjectKeys: 10_000,
  /** Items in any one array. */
  maxArrayItems: 100_000,
  maxNameChars: 200,
  maxNotesChars: 100_000,
  maxScenarioIdChars: 100,
  /** The envelope's `app` and `savedAt` strings. */
  maxEnvelopeTextChars: 100,
} as const

/** Longest scenario name the rename field takes (the file accepts up to PLAN_FILE_LIMITS.maxNameChars). */
export const SCENARIO_NAME_INPUT_CHARS = 80

/** Limits of the payloads that cross from the window to the main process. */
export const IPC_LIMITS = {
  /** Longest path any supported OS accepts (Linux PATH_MAX); longer is never a real file. */
  maxPathChars: 4096,
  /** The planning file size cap: a UTF-8 file of 10 MiB has at most this many UTF-16 units. */
  maxPlanTextChars: MAX_PLAN_FILE_BYTES,
  /** Names and titles: a file name is at most 255 characters; a title adds a dirty mark and the app name. */
  maxNameChars: 1024,
  maxUrlChars: 2048,
  /** Largest export file (a workbook with 100,000 Monte Carlo samples is about 40 MB). */
  maxExportBytes: 256 * 1024 * 1024,
  /** Document ids name recovery files. */
  maxDocIdChars: 64,
} as const

/** A workload mix in a plan: how many classes and sources, and the range of each class's numbers. */
export const WORKLOAD_MIX_LIMITS = {
  maxClasses: 200,
  maxSources: 100,
  maxSourceNameChars: 260,
  maxVcpu: 1024,
  maxRamGib: 32_768,
  maxDiskGib: 1_000_000,
  maxCount: FLEET_VMS_LIMITS.max,
  /** Counts in an import summary (rows of a sheet or CSV). */
  maxRows: 10_000_000,
  maxHosts: 1_000_000,
} as const
