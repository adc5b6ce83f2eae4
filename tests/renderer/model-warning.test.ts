// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { describeModelWarning, type ModelWarning } from '@models'
import { modelWarningText } from '../../renderer/src/format/model-warning'
import { i18n } from '../../renderer/src/i18n'

const t = (key: string, params: Record<string, string | number>): string => i18n.global.t(key, params)
const number = (value: number): string =>
  value.toLocaleString(i18n.global.locale.value, { maximumFractionDigits: 1 })

const WARNINGS: ModelWarning[] = [
  { code: 'ftAppPairs', edition: 'vvs', limitVcpus: 2, vcpuPerVm: 4 },
  { code: 'vsanPolicyHosts', policy: 'raid6', minHosts: 6, addedHosts: 4 },
  { code: 'toleranceMismatch', vmwareFailures: 1, openstackFailures: 2 },
  { code: 'editionNotSold', edition: 'vvep', status: 'restricted', versionCap: '8' },
  { code: 'vvfVsanWholeCapacity', rawTib: 488.28125, entitledTib: 336 },
]

describe('plan checks in the window', () => {
  afterEach(() => {
    i18n.global.locale.value = 'en'
  })

  it.each(WARNINGS)('say the same in English as the model does: %j', (w) => {
    i18n.global.locale.value = 'en'
    expect(modelWarningText(t, w, number)).toBe(describeModelWarning(w))
  })

  it('are worded in Simplified Chinese with the model’s numbers', () => {
    i18n.global.locale.value = 'zh-CN'
    expect(modelWarningText(t, WARNINGS[1] as ModelWarning, number)).toBe(
      'vSAN 策略 RAID-6 (FTT=2) 每个集群至少需要 6 台主机：已增加 4 台主机。'
    )
    expect(modelWarningText(t, WARNINGS[4] as ModelWarning, number)).toContain('488.3 TiB')
  })
})
