import type { PowerNote } from '@models'

type Translate = (key: string, params: Record<string, string | number>) => string

/**
 * The model's power note worded in the UI's language (the model's `reason` is English only); host counts and
 * minutes through `integer`, the locale's whole-number format ("18,027").
 */
export function powerNoteText(
  t: Translate,
  note: PowerNote | null,
  integer: (value: number) => string
): string {
  if (!note) return ''
  const name = t(`power.mechanism.${note.mechanism}`, {})
  switch (note.code) {
    case 'off':
    case 'noGain':
    case 'nothingToPowerDown':
    case 'unavailableVsan':
      return t(`power.note.${note.code}`, { name })
    case 'unavailableEdition':
      return t('power.note.unavailableEdition', {
        name,
        edition: t(`capabilities.editions.names.${note.edition}`, {}),
      })
    case 'unavailableLocal':
    case 'localFits':
      return t(`power.note.${note.code}`, {
        name,
        minutes: integer(Math.round(note.evacuationMinutes)),
        hours: note.windowHours,
      })
    case 'memoryBound':
      return t('power.note.memoryBound', {
        name,
        hostsOn: integer(note.hostsOn),
        vmHosts: integer(note.vmHosts),
      })
    case 'powersDown':
      return t('power.note.powersDown', {
        name,
        hostsOff: integer(note.hostsOff),
        vmHosts: integer(note.vmHosts),
      })
  }
}
