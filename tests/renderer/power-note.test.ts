// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { createDefaultPlan, describePowerNote, evaluatePlan, type PowerNote } from '@models'
import { powerNoteText } from '../../renderer/src/format/power-note'
import { i18n } from '../../renderer/src/i18n'

const t = (key: string, params: Record<string, string | number>): string => i18n.global.t(key, params)
const integer = (value: number): string => value.toLocaleString(i18n.global.locale.value)

const NOTES: PowerNote[] = [
  { code: 'off', mechanism: 'consolidation' },
  { code: 'unavailableLocal', mechanism: 'dpm', evacuationMinutes: 84.4, windowHours: 11 },
  { code: 'localFits', mechanism: 'dpm', evacuationMinutes: 84.4, windowHours: 11 },
  { code: 'noGain', mechanism: 'dpm' },
  { code: 'nothingToPowerDown', mechanism: 'dpm' },
  { code: 'memoryBound', mechanism: 'dpm', hostsOn: 19, vmHosts: 21 },
  { code: 'powersDown', mechanism: 'consolidation', hostsOff: 5, vmHosts: 22 },
  { code: 'unavailableEdition', mechanism: 'dpm', edition: 'vvs' },
  { code: 'unavailableVsan', mechanism: 'dpm' },
]

describe('power notes in the window', () => {
  afterEach(() => {
    i18n.global.locale.value = 'en'
  })

  it.each(NOTES)('say the same in English as the model does: %j', (note) => {
    i18n.global.locale.value = 'en'
    // the model's sentence uses a straight apostrophe, the window a typographic one
    expect(powerNoteText(t, note, integer).replace('’', "'")).toBe(describePowerNote(note).replace('’', "'"))
  })

  it('are worded in Simplified Chinese with the model’s numbers', () => {
    i18n.global.locale.value = 'zh-CN'
    expect(powerNoteText(t, NOTES[5] as PowerNote, integer)).toBe(
      'DPM受内存限制：即使在最空闲的时段，虚拟机的内存也需要 21 台主机中的 19 台保持开机。'
    )
    expect(powerNoteText(t, NOTES[1] as PowerNote, integer)).toContain('84 分钟')
    expect(powerNoteText(t, NOTES[1] as PowerNote, integer)).toContain('（11 小时）')
  })

  it('group the digits of large host counts and minutes, in the model and in the window', () => {
    i18n.global.locale.value = 'en'
    const big: PowerNote = { code: 'memoryBound', mechanism: 'dpm', hostsOn: 18_027, vmHosts: 20_318 }
    expect(describePowerNote(big)).toContain('needs 18,027 of 20,318 hosts')
    expect(powerNoteText(t, big, integer)).toContain('needs 18,027 of 20,318 hosts')
    const slow: PowerNote = {
      code: 'unavailableLocal',
      mechanism: 'dpm',
      evacuationMinutes: 1234.4,
      windowHours: 6,
    }
    expect(describePowerNote(slow)).toContain('takes 1,234 min')
    expect(powerNoteText(t, slow, integer)).toContain('takes 1,234 min')
  })

  it('come from the model for the default plan', () => {
    const e = evaluatePlan(createDefaultPlan())
    // The default VMware storage is vSAN, with which VMware does not support DPM.
    expect(e.platforms.vmware.energy.note).toEqual({ code: 'unavailableVsan', mechanism: 'dpm' })
    expect(e.platforms.openstack.energy.note).toEqual({ code: 'off', mechanism: 'consolidation' })
    expect(e.platforms.vmware.energy.reason).toBe(
      describePowerNote(e.platforms.vmware.energy.note as PowerNote)
    )
  })
})
