// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { createDefaultPlan, describePowerNote, evaluatePlan, type PowerNote } from '@models'
import { powerNoteText } from '../../renderer/src/format/power-note'
import { i18n } from '../../renderer/src/i18n'

const t = (key: string, params: Record<string, string | number>): string => i18n.global.t(key, params)

const NOTES: PowerNote[] = [
  { code: 'off', mechanism: 'consolidation' },
  { code: 'unavailableLocal', mechanism: 'dpm', evacuationMinutes: 84.4, windowHours: 11 },
  { code: 'localFits', mechanism: 'dpm', evacuationMinutes: 84.4, windowHours: 11 },
  { code: 'noGain', mechanism: 'dpm' },
  { code: 'nothingToPowerDown', mechanism: 'dpm' },
  { code: 'memoryBound', mechanism: 'dpm', hostsOn: 19, vmHosts: 21 },
  { code: 'powersDown', mechanism: 'consolidation', hostsOff: 5, vmHosts: 22 },
]

describe('power notes in the window', () => {
  afterEach(() => {
    i18n.global.locale.value = 'en'
  })

  it.each(NOTES)('say the same in English as the model does: %j', (note) => {
    i18n.global.locale.value = 'en'
    // the model's sentence uses a straight apostrophe, the window a typographic one
    expect(powerNoteText(t, note).replace('’', "'")).toBe(describePowerNote(note).replace('’', "'"))
  })

  it('are worded in Simplified Chinese with the model’s numbers', () => {
    i18n.global.locale.value = 'zh-CN'
    expect(powerNoteText(t, NOTES[5] as PowerNote)).toBe(
      'DPM受内存限制：即使在最空闲的时段，虚拟机的内存也需要 21 台主机中的 19 台保持开机。'
    )
    expect(powerNoteText(t, NOTES[1] as PowerNote)).toContain('84 分钟')
    expect(powerNoteText(t, NOTES[1] as PowerNote)).toContain('（11 小时）')
  })

  it('come from the model for the default plan', () => {
    const e = evaluatePlan(createDefaultPlan())
    expect(e.platforms.vmware.energy.note).toEqual({
      code: 'memoryBound',
      mechanism: 'dpm',
      hostsOn: 19,
      vmHosts: 21,
    })
    expect(e.platforms.openstack.energy.note).toEqual({ code: 'off', mechanism: 'consolidation' })
    expect(e.platforms.vmware.energy.reason).toBe(
      describePowerNote(e.platforms.vmware.energy.note as PowerNote)
    )
  })
})
