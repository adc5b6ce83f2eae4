import { mount, type ComponentMountingOptions } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import type { Component } from 'vue'
import { i18n } from '../../renderer/src/i18n'

/** Mounts a component with a fresh Pinia and the window's i18n, in English. */
export function mountWithStores<C extends Component>(
  component: C,
  options: ComponentMountingOptions<C> = {} as ComponentMountingOptions<C>
): { wrapper: ReturnType<typeof mount>; pinia: Pinia } {
  const pinia = createPinia()
  setActivePinia(pinia)
  i18n.global.locale.value = 'en'
  const wrapper = mount(component as Component, {
    ...(options as object),
    global: { plugins: [pinia, i18n] },
  })
  return { wrapper, pinia }
}
