// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { findAssumption, type Assumption } from '@models'
import AssumptionField from '../../renderer/src/components/AssumptionField.vue'
import { i18n } from '../../renderer/src/i18n'
import { mountWithStores } from './mount'

function assumption(key: string): Assumption {
  const a = findAssumption(key)
  if (!a) throw new Error(`no assumption ${key}`)
  return a
}

describe('an assumption’s source and rationale in plain sight', () => {
  afterEach(() => {
    i18n.global.locale.value = 'en'
  })

  it('the flag is a button that opens the source under the field and closes it again', async () => {
    const { wrapper } = mountWithStores(AssumptionField, {
      props: { assumption: assumption('staff.openstack.fixedFte') },
    })
    const toggle = wrapper.get('[data-testid="source-toggle"]')
    expect(toggle.element.tagName).toBe('BUTTON')
    expect(toggle.attributes('aria-expanded')).toBe('false')
    expect(toggle.attributes('aria-label')).toBe('Source and rationale of OpenStack fixed staff')
    expect(wrapper.find('[data-testid="source"]').exists()).toBe(false)
    await toggle.trigger('click')
    expect(toggle.attributes('aria-expanded')).toBe('true')
    const source = wrapper.get('[data-testid="source"]')
    expect(source.attributes('id')).toBe(toggle.attributes('aria-controls'))
    expect(source.text()).toContain('Secondary source')
    expect(source.text()).toContain(
      'The platform team that exists whatever the size: an architect and an L3 engineer'
    )
    await toggle.trigger('click')
    expect(wrapper.find('[data-testid="source"]').exists()).toBe(false)
  })

  it('a plain input without a flag still has its note behind an "i" button', async () => {
    const { wrapper } = mountWithStores(AssumptionField, {
      props: { assumption: assumption('host.nicGbps') },
    })
    const toggle = wrapper.get('[data-testid="source-toggle"]')
    expect(toggle.text()).toBe('i')
    await toggle.trigger('click')
    expect(wrapper.get('[data-testid="source"]').text()).toBe('Migration network')
  })

  it.each([
    ['staff.vmware.minFte', 'A floor: never fewer engineers than this'],
    ['staff.vmware.fixedFte', 'Added on top of the engineers the host count needs'],
    ['host.maxCpuUtilization', 'a sizing rule'],
    ['workload.peakCpuUtilization', 'a workload fact'],
  ])('%s explains itself in one line', (key, words) => {
    const { wrapper } = mountWithStores(AssumptionField, { props: { assumption: assumption(key) } })
    expect(wrapper.get('[data-testid="explain"]').text()).toContain(words)
  })

  it('explanations are translated', async () => {
    const { wrapper } = mountWithStores(AssumptionField, {
      props: { assumption: assumption('staff.openstack.minFte') },
    })
    i18n.global.locale.value = 'zh-CN'
    await nextTick()
    expect(wrapper.get('[data-testid="explain"]').text()).toContain('下限')
  })

  it('in 中文 the source row and the flag’s tooltip give the Chinese rationale with the title as published', async () => {
    const { wrapper } = mountWithStores(AssumptionField, {
      props: { assumption: assumption('migration.vmware.concurrentBlock') },
    })
    i18n.global.locale.value = 'zh-CN'
    await nextTick()
    const toggle = wrapper.get('[data-testid="source-toggle"]')
    await toggle.trigger('click')
    const text = wrapper.get('[data-testid="source"]').text()
    expect(text).toContain('无共享存储的 vMotion：推算上限为每台主机 2 个')
    expect(text).toContain('“Limits on Simultaneous Migrations”')
    expect(text).not.toContain('derived limit')
    expect(toggle.attributes('title')).toContain('无共享存储的 vMotion')
  })

  it('a value without a confusable neighbour has no explanation line', () => {
    const { wrapper } = mountWithStores(AssumptionField, {
      props: { assumption: assumption('vmware.usdPerCoreYear.vcf') },
    })
    expect(wrapper.find('[data-testid="explain"]').exists()).toBe(false)
  })
})
