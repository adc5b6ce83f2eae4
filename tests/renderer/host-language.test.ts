// @vitest-environment jsdom
import { afterEach, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, h, nextTick } from 'vue'
import { mount } from '@vue/test-utils'
import { createBrowserHost } from '../../renderer/src/host/browser-host'
import { setHost } from '../../renderer/src/host'
import { i18n } from '../../renderer/src/i18n'
import { useHostIntegration } from '../../renderer/src/composables/useHostIntegration'

afterEach(() => {
  setHost(null)
  i18n.global.locale.value = 'en'
})

it('tells the host the window language at start and again on every switch', async () => {
  setActivePinia(createPinia())
  const setLanguage = vi.fn()
  setHost({ ...createBrowserHost({ classicFiles: true, storage: window.localStorage }), setLanguage })
  const Probe = defineComponent({
    setup() {
      useHostIntegration()
      return () => h('div')
    },
  })
  const wrapper = mount(Probe)
  expect(setLanguage.mock.calls).toEqual([['en']])
  i18n.global.locale.value = 'zh-CN'
  await nextTick()
  expect(setLanguage.mock.calls).toEqual([['en'], ['zh-CN']])
  wrapper.unmount()
})
