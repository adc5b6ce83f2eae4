import type { PowerNote } from '@models'

type Translate = (key: string, params: Record<string, string | number>) => string

/** The model's power note worded in the UI's language (the model's `reason` is English only). */
export function powerNoteText(t: Translate, note: PowerNote | null): string {
  if (!note) return ''
  const name = t(`power.mechanism.${note.mechanism}`, {})
  switch (note.code) {
    case 'off':
    case 'noGain':
    case 'nothingToPowerDown':
      return t(`power.note.${note.code}`, { name })
    case 'unavailableLocal':
    case 'localFits':
      return t(`power.note.${note.code}`, {
        name,
        minutes: Math.round(note.evacuationMinutes),
        hours: note.windowHours,
      })
    case 'memoryBound':
      return t('power.note.memoryBound', { name, hostsOn: note.hostsOn, vmHosts: note.vmHosts })
    case 'powersDown':
      return t('power.note.powersDown', { name, hostsOff: note.hostsOff, vmHosts: note.vmHosts })
  }
}
