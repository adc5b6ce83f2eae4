// The only import path for renderer, electron and cli: every public name, listed by name.
export {
  CATALOG,
  defaultUncertaintyRange,
  describeRange,
  findAssumption,
  GROUPS,
  isAssumptionKey,
  isNumberAssumption,
  type Assumption,
  type AssumptionEntry,
  type AssumptionKey,
  type AssumptionKeyOfKind,
  type AssumptionValue,
  type AssumptionValueOf,
  type BooleanAssumption,
  type ChoiceAssumption,
  type ChoiceOption,
  type Concern,
  type GroupId,
  type NumberAssumption,
  type ProfileAssumption,
  type SourceFlag,
  type TextAssumption,
} from './catalog/catalog'
export {
  defaultProfile,
  HOURS_PER_WEEK,
  normalizeProfile,
  profilePreset,
  profileProblem,
  WEEKS_PER_YEAR,
  type ProfilePreset,
} from './catalog/profile'
export {
  catalogDefaults,
  isDefaultValue,
  parseValueText,
  describeValueIssue,
  valueIssue,
  valueProblem,
  valuesProblems,
  type AssumptionValues,
  type ValueProblem,
  type ValueIssue,
  type ValueIssueCode,
} from './catalog/values'
export {
  toModelInputs,
  type ModelInputs,
  type OpenstackStorage,
  type OpenstackSupport,
  type PlatformMigrationLimits,
  type StorageArchitecture,
  type VmwareEdition,
  type VmwareStorage,
  type VsanPolicy,
  type WorkloadShape,
} from './catalog/inputs'
export {
  BASELINE_SCENARIO_ID,
  createDefaultPlan,
  defaultScorecard,
  findScenario,
  type CostMetric,
  type Distribution,
  type MonteCarloSettings,
  type Plan,
  type Scenario,
  type Scorecard,
  type ScoreRound,
  type ViewSettings,
  type ImportedEstate,
  type InventorySourceKind,
  type WorkloadClass,
  type WorkloadMix,
} from './plan/plan'
export {
  changedKeys,
  fallbackValue,
  FLEET_KEY,
  isBaseScenario,
  uniqueName,
  withAddedScenario,
  withDeletedScenario,
  withDuplicatedScenario,
  withFleetVms,
  withMonteCarlo,
  withMovedScenario,
  withName,
  withRenamedScenario,
  withReset,
  withScorecard,
  withValue,
} from './plan/edits'
export {
  baseValues,
  scenarioDifferences,
  scenarioLayers,
  scenarioOf,
  scenarioValues,
  type ScenarioDifference,
} from './plan/scenario-values'
export {
  importedAssumptionValue,
  IMPORTED_MEAN_STEPS,
  planWithImportedWorkload,
  type ImportedWorkloadTotals,
  type WorkloadAdjustment,
} from './plan/imported-workload'
export {
  CURVE_LIMITS,
  DEFAULT_CURVE,
  FLEET_HOSTS_LIMITS,
  FLEET_VMS_LIMITS,
  IPC_LIMITS,
  MAX_MONTE_CARLO_BYTES,
  MAX_MONTE_CARLO_SAMPLES,
  MAX_PLAN_FILE_BYTES,
  MAX_SEED,
  MONTE_CARLO_DEFAULTS,
  PLAN_FILE_LIMITS,
  SAMPLE_LIMITS,
  SCENARIO_NAME_INPUT_CHARS,
  SCORE_MAX,
  WORKLOAD_MIX_LIMITS,
} from './plan/limits'
export {
  CATEGORIES,
  PLATFORMS,
  type CapacityConstraint,
  type CapacityDetail,
  type Category,
  type CategoryCosts,
  type Crossover,
  type CurveCategory,
  type CurveSet,
  type EnergyResult,
  type Evaluation,
  type HorizonResult,
  type MigrationResult,
  type NodeCounts,
  type Platform,
  type PlatformResult,
  type PowerManagementState,
  type PowerMechanism,
  type PowerNote,
  type PowerWeek,
  type StorageResult,
} from './cost/types'
export {
  ceilCount,
  computeCapacity,
  placedVmCount,
  vmsCarriedByHosts,
  vmwareManagementHosts,
  type ComputeCapacity,
} from './cost/capacity'
export {
  EDITION_FEATURES,
  editionFeatures,
  vmwareFtProtection,
  type EditionFeatures,
  type EditionId,
} from './cost/editions'
export {
  storageFailuresTolerated,
  VSAN_MAX_CLUSTER_HOSTS,
  VSAN_POLICIES,
  VSAN_POLICY_FACTS,
  vsanHostShare,
  vsanPolicyShortfallHosts,
  type VsanPolicyFacts,
} from './cost/vsan-policy'
export {
  PER_NODE_SUPPORT_TIERS,
  supportTierUsdPerYear,
  type OpenstackSupportTier,
  type PerNodeSupportTier,
} from './cost/openstack-support'
export { escalationFactor, residualBookValue } from './cost/residual-value'
export {
  describeModelWarning,
  EDITION_NAMES,
  VSAN_POLICY_NAMES,
  type ModelWarning,
} from './cost/model-warnings'
export { planWarnings } from './cost/plan-checks'
export {
  openstackSupportUsdPerYear,
  vmwareCoresHeldByYear,
  vmwareLicensedCores,
  vmwareLicensedCoresFor,
  vmwareUsdPerCoreYear,
  vsanEntitledTib,
} from './cost/licensing'
export { fteFor, loadedUsdPerFteYear, platformFte } from './cost/staff'
export {
  cephMinimumNodes,
  isSharedStorage,
  sizeStorage,
  storageArchitecture,
  TB_PER_GIB,
  TB_PER_TIB,
  vsanAddOnTib,
  type StorageSizing,
} from './cost/storage'
export {
  evacuationSeconds,
  GBIT_PER_GIB,
  hostEvacuationMinutes,
  maintenanceHoursPerYear,
  VMOTION_CONCURRENCY_BELOW_10GBE,
} from './cost/migration'
export {
  describePowerNote,
  hostWatts,
  lowLoadWindowHours,
  profileLevels,
  simulatePowerWeek,
  yearlyEnergy,
  type EnergyYear,
  type PowerWeekInput,
  type PowerWeekResult,
} from './cost/power'
export { cohortPurchases, discountFactor, equivalentAnnualCost, npv } from './cost/finance'
export { annualRunRate, evaluatePlatform } from './cost/tco'
export {
  evaluateInputs,
  evaluatePlan,
  fleetSizeProblem,
  planInputs,
  planProblems,
  resolveScenario,
  planOversizedVms,
  vmsForHosts,
  type PlanEvaluationOptions,
} from './cost/evaluate'
export {
  meanVmSizeGib,
  oversizedVms,
  petShareOf,
  placedWorkload,
  workloadShapes,
  type OversizedVms,
  type PlacedWorkload,
} from './cost/workload-mix'
export { evaluatePlanInputsAt, metricCosts } from './cost/curve-point'
export {
  computeAllCurves,
  computeCurves,
  findCrossovers,
  logSpacedFleetSizes,
  type CurveOptions,
} from './cost/curves'
export {
  scoreScorecard,
  valueScores,
  type ScorecardResult,
  type ScoredRound,
  type ScoreRoundId,
} from './cost/scorecard'
export {
  checkPlanFileSize,
  createMigrationRegistry,
  decodePlanFileBytes,
  CURRENT_FORMAT_VERSION,
  MIGRATIONS,
  MIX_MIN_READER_VERSION,
  migrationFromChanges,
  V1_TO_V2_CHANGES,
  type MigrationChange,
  parsePlanFile,
  PLAN_FILE_ERROR_KINDS,
  PLAN_FILE_FORMAT,
  PlanFileWriteError,
  serializePlanFile,
  utf8ByteLength,
  WRITTEN_MIN_READER_VERSION,
  type ParsedPlanFile,
  type ParsePlanFileOptions,
  type PlanFileError,
  type PlanFileErrorKind,
  type PlanFileMigration,
  type PlanFileMigrationRegistry,
  type PlanFileResult,
} from './plan-file/plan-file'
export { createSchemaRules, type Schema as SchemaRule } from './schema/rules'
export {
  describeInput,
  IPC_WORDING,
  type NumberRule,
  type SchemaWording,
  type TextRule,
} from './schema/wording'
export {
  betaVariate,
  gammaVariate,
  inverseNormalCdf,
  Sfc32,
  splitmix32,
  standardNormal,
} from './analysis/random'
export {
  distributionMean,
  distributionMode,
  drawPrepared,
  isPointDistribution,
  lognormalParameters,
  PERT_LAMBDA,
  pertShape,
  prepareDistribution,
  sampleDistribution,
  Z_95,
  type PreparedDistribution,
} from './analysis/distributions'
export { annualGapAt, annualTotalAt } from './cost/annual-total'
export { clampToCatalog, inputFieldPath, numericInputSetter } from './catalog/input-setters'
export { AnalysisCancelledError, throwIfCancelled, type AnalysisControl } from './analysis/control'
export {
  analysisBase,
  CROSSOVER_GRID,
  type AnalysisBase,
  type AnalysisOptions,
} from './analysis/analysis-inputs'
export {
  sensitivity,
  sensitivityBounds,
  type SensitivityOptions,
  type SensitivityResult,
  type SensitivityRow,
} from './analysis/sensitivity'
export { breakEven, type BreakEvenOptions, type BreakEvenResult } from './analysis/breakeven'
export {
  combineMonteCarloBatches,
  monteCarlo,
  maxMonteCarloSamples,
  monteCarloBatch,
  monteCarloBytes,
  quantilesInPlace,
  sampledAssumptions,
  type CostBand,
  type MonteCarloBatch,
  type MonteCarloBatchOptions,
  type MonteCarloOptions,
  type MonteCarloResult,
  type SampledAssumption,
} from './analysis/montecarlo'
export {
  defaultDistribution,
  distributionProblem,
  hasLikely,
  withRange,
  type RangeProblem,
} from './analysis/range-edits'
export { driversAt, perturbations, type DriverQuery } from './analysis/drivers'
export { histogram, niceStep, summarizeGap, type GapSummary } from './analysis/gap-summary'
export { csvField } from './analysis/csv-field'
export { samplesCsv, samplesCsvHeaders, samplesCsvRows, type SamplesForCsv } from './analysis/samples-csv'
export {
  licenceSchedule,
  type LicenceSchedule,
  type LicenceTerm,
  type LicenceTermKind,
} from './cost/transition-licence'
export {
  computeTransition,
  fleetInMonth,
  monthlyNpv,
  paybackMonth,
  vmwareVmsDuringMove,
  type PathCash,
  type TransitionResult,
} from './cost/transition'
export { planTransition } from './cost/transition-plan'
export {
  ANALYSIS_TARGETS,
  challengerWins,
  isAnalysisTarget,
  targetValue,
  type AnalysisTarget,
} from './analysis/target'
export {
  combineTransitionBatches,
  monteCarloTransition,
  monteCarloTransitionBatch,
  type Quantiles,
  type TransitionMonteCarloBatch,
  type TransitionMonteCarloBatchOptions,
  type TransitionMonteCarloOptions,
  type TransitionMonteCarloResult,
} from './analysis/montecarlo-transition'
