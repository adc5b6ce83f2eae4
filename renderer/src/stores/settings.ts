import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'

export type Locale = 'en' | 'zh-CN'
export type ThemeChoice = 'system' | 'light' | 'dark'
/** How money shows its currency: "USD 1.2M" (code) or "$1.2M" / "¥860万" (symbol). */
export type CurrencyDisplay = 'code' | 'symbol'

const STORAGE_KEY = 'stackplan.settings'
export const LOCALES: readonly Locale[] = ['en', 'zh-CN']

interface StoredSettings {
  locale?: Locale
  theme?: ThemeChoice
  currencyDisplay?: CurrencyDisplay
}

function readStored(): StoredSettings {
  try {
    const parsed: unknown = JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? '{}')
    return parsed && typeof parsed === 'object' ? (parsed as StoredSettings) : {}
  } catch {
    return {}
  }
}

function systemLocale(): Locale {
  const lang = globalThis.navigator?.language ?? 'en'
  return lang.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

function prefersDark(): boolean {
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false
}

/** Preferences of this installation (not of a plan): language, theme, currency display. */
export const useSettingsStore = defineStore('settings', () => {
  const stored = readStored()
  const locale = ref<Locale>(
    stored.locale && LOCALES.includes(stored.locale) ? stored.locale : systemLocale()
  )
  const theme = ref<ThemeChoice>(stored.theme ?? 'system')
  const currencyDisplay = ref<CurrencyDisplay>(stored.currencyDisplay ?? 'code')
  /** Follows the OS while the theme is 'system'. */
  const systemDark = ref(prefersDark())

  globalThis.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', (e) => {
    systemDark.value = e.matches
  })

  const effectiveTheme = computed((): 'light' | 'dark' =>
    theme.value === 'system' ? (systemDark.value ? 'dark' : 'light') : theme.value
  )

  watch([locale, theme, currencyDisplay], () => {
    try {
      const value: StoredSettings = {
        locale: locale.value,
        theme: theme.value,
        currencyDisplay: currencyDisplay.value,
      }
      globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(value))
    } catch {
      // Preferences are a convenience; a browser without storage still works.
    }
  })

  function setLocale(value: Locale): void {
    locale.value = value
  }

  /** Cycles system → light → dark → system. */
  function cycleTheme(): void {
    theme.value = theme.value === 'system' ? 'light' : theme.value === 'light' ? 'dark' : 'system'
  }

  return { locale, theme, currencyDisplay, systemDark, effectiveTheme, setLocale, cycleTheme }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSettingsStore, import.meta.hot))
