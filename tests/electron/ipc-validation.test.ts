import { afterEach, describe, expect, it, vi } from 'vitest'
import { INVOKE_CHANNELS } from '../../electron/contract'
import type { InvokeChannel } from '../../electron/contract'

vi.mock('electron', async () => (await import('./support/electron-mock')).electronMock)

const { app, invokeHandler, ipcHandlers, trustedEvent } = await import('./support/electron-mock')
const { checkInvoke, handle, isTrustedSenderFrame } = await import('../../electron/main/ipc/handle')
const { IPC_LIMITS } = await import('../../models/index')
const MAX_PLAN_TEXT_LENGTH = IPC_LIMITS.maxPlanTextChars

const stamp = { sizeBytes: 1234, mtimeMs: 1_700_000_000_000.5, sha256: 'ab'.repeat(32) }

/** One valid argument list per channel; every malformed case below is derived from these. */
const VALID_ARGS: Record<InvokeChannel, unknown[]> = {
  'app:info': [],
  'app:confirmClose': [{ proceed: true }],
  'app:setLanguage': [{ language: 'zh-CN' }],
  'window:setDocumentState': [{ title: 'Budget 2026', isDirty: true }],
  'shell:openExternal': [{ url: 'https://docs.openstack.org/' }],
  'plan:openDialog': [],
  'plan:openRecent': [{ path: '/home/ana/plans/budget.stackplan' }],
  'plan:openDropped': [{ path: '/home/ana/Downloads/budget.stackplan' }],
  'plan:save': [
    {
      path: '/home/ana/plans/budget.stackplan',
      text: '{"format":"stackplan"}',
      expected: stamp,
      overwrite: false,
    },
  ],
  'plan:saveAs': [{ text: '{"format":"stackplan"}', suggestedName: 'Budget 2026' }],
  'recent:list': [],
  'recovery:snapshot': [
    {
      docId: 'doc-1_a',
      path: '/home/ana/plans/budget.stackplan',
      name: 'budget',
      text: '{}',
      snapshotAtMs: 1_700_000_000_000,
      stamp: null,
    },
  ],
  'recovery:discard': [{ docId: 'doc-1_a' }],
  'recovery:list': [],
  'export:savePdf': [{ suggestedName: 'Budget 2026', pageSize: 'A4' }],
  'export:saveFile': [
    { suggestedName: 'Budget 2026.xlsx', kind: 'xlsx', bytes: new Uint8Array([80, 75, 3, 4]) },
  ],
}

const channels = [...INVOKE_CHANNELS]

function wrongTypeFor(value: unknown): unknown {
  if (typeof value === 'string') return 42
  if (typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return 'true'
  if (value === null) return 42
  return 'not an object'
}

function tooLongFor(field: string): string {
  return 'a'.repeat(field === 'text' ? MAX_PLAN_TEXT_LENGTH + 1 : 5000)
}

/** Malformed variants of a channel's valid arguments, each with a name. */
function malformedVariants(valid: unknown[]): [string, unknown[]][] {
  const variants: [string, unknown[]][] = [['an extra argument', [...valid, { extra: 1 }]]]
  if (valid.length === 0) return variants
  const request = valid[0] as Record<string, unknown>
  variants.push(['no argument', []])
  variants.push(['null instead of the request', [null]])
  variants.push(['an array instead of the request', [[request]]])
  variants.push(['a string instead of the request', [JSON.stringify(request)]])
  variants.push(['an extra field', [{ ...request, isAdmin: true }]])
  variants.push([
    'an own __proto__ field',
    [JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(request).slice(1)}`)],
  ])
  variants.push(['a class instance', [Object.assign(new (class Request {})(), request)]])
  for (const [field, value] of Object.entries(request)) {
    const { [field]: _removed, ...rest } = request
    variants.push([`missing "${field}"`, [rest]])
    variants.push([`"${field}" of the wrong type`, [{ ...request, [field]: wrongTypeFor(value) }]])
    variants.push([`"${field}" undefined`, [{ ...request, [field]: undefined }]])
    if (typeof value === 'string')
      variants.push([`"${field}" too long`, [{ ...request, [field]: tooLongFor(field) }]])
    if (typeof value === 'number') {
      for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1]) {
        variants.push([`"${field}" = ${bad}`, [{ ...request, [field]: bad }]])
      }
    }
    if (value !== null && typeof value === 'object') {
      const nested = value as Record<string, unknown>
      variants.push([`"${field}" with an extra field`, [{ ...request, [field]: { ...nested, extra: 1 } }]])
      for (const [inner, innerValue] of Object.entries(nested)) {
        const { [inner]: _gone, ...nestedRest } = nested
        variants.push([`"${field}.${inner}" missing`, [{ ...request, [field]: nestedRest }]])
        variants.push([
          `"${field}.${inner}" of the wrong type`,
          [{ ...request, [field]: { ...nested, [inner]: wrongTypeFor(innerValue) } }],
        ])
        if (typeof innerValue === 'number') {
          variants.push([
            `"${field}.${inner}" = NaN`,
            [{ ...request, [field]: { ...nested, [inner]: Number.NaN } }],
          ])
          variants.push([
            `"${field}.${inner}" = Infinity`,
            [{ ...request, [field]: { ...nested, [inner]: Number.POSITIVE_INFINITY } }],
          ])
        }
      }
    }
  }
  return variants
}

afterEach(() => {
  delete process.env['ELECTRON_RENDERER_URL']
  app.isPackaged = false
})

describe('the validation table', () => {
  it('covers every channel of the contract', () => {
    expect(Object.keys(VALID_ARGS).sort()).toEqual([...INVOKE_CHANNELS].sort())
  })
})

describe.each(channels)('%s', (channel) => {
  const valid = VALID_ARGS[channel]

  it('accepts its valid payload from the app page and returns a plain copy', () => {
    const checked = checkInvoke(channel, trustedEvent() as never, structuredClone(valid))
    expect(checked).toEqual(valid)
  })

  it.each([
    ['a null senderFrame', { senderFrame: null }],
    ['a missing senderFrame', {}],
    ['a web origin', { senderFrame: { url: 'https://attacker.example/index.html', parent: null } }],
    ['a file: page', { senderFrame: { url: 'file:///home/ana/index.html', parent: null } }],
    ['another app:// host', { senderFrame: { url: 'app://evil/index.html', parent: null } }],
    ['a look-alike host', { senderFrame: { url: 'app://stackplan.attacker.com/index.html', parent: null } }],
    ['a port on the app host', { senderFrame: { url: 'app://stackplan:8080/index.html', parent: null } }],
    [
      'a subframe of the app page',
      { senderFrame: { url: 'app://stackplan/index.html', parent: { url: 'x' } } },
    ],
    ['a dev server URL in a normal run', { senderFrame: { url: 'http://localhost:5173/', parent: null } }],
    ['an unparsable URL', { senderFrame: { url: 'not a url', parent: null } }],
  ])('refuses %s', (_name, event) => {
    expect(() => checkInvoke(channel, event as never, structuredClone(valid))).toThrow(
      new RegExp(`^${channel} refused: the sender .* is not the Stackplan page$`)
    )
  })

  it.each(malformedVariants(valid))('refuses %s', (_name, badArgs) => {
    expect(() => checkInvoke(channel, trustedEvent() as never, badArgs)).toThrow(
      new RegExp(`^${channel} refused: `)
    )
  })
})

describe('specific payload rules', () => {
  it.each(['../../etc/passwd', 'doc 1', 'a'.repeat(65), '', 'doc/1'])('refuses docId %j', (docId) => {
    expect(() => checkInvoke('recovery:discard', trustedEvent() as never, [{ docId }])).toThrow(/docId/)
  })

  it('refuses a stamp whose hash is not lowercase hex sha256', () => {
    const request = {
      ...(VALID_ARGS['plan:save'][0] as object),
      expected: { ...stamp, sha256: 'Z'.repeat(64) },
    }
    expect(() => checkInvoke('plan:save', trustedEvent() as never, [request])).toThrow(/sha256/)
  })

  it('accepts a null stamp and a null recovery path', () => {
    const save = { ...(VALID_ARGS['plan:save'][0] as object), expected: null }
    expect(checkInvoke('plan:save', trustedEvent() as never, [save])).toEqual([save])
    const snapshot = { ...(VALID_ARGS['recovery:snapshot'][0] as object), path: null }
    expect(checkInvoke('recovery:snapshot', trustedEvent() as never, [snapshot])).toEqual([snapshot])
  })

  it('refuses an empty plan text and an empty path', () => {
    const save = VALID_ARGS['plan:save'][0] as object
    expect(() => checkInvoke('plan:save', trustedEvent() as never, [{ ...save, text: '' }])).toThrow(/text/)
    expect(() => checkInvoke('plan:save', trustedEvent() as never, [{ ...save, path: '' }])).toThrow(/path/)
  })

  it('names the field in the message', () => {
    expect(() => checkInvoke('app:confirmClose', trustedEvent() as never, [{ proceed: 'yes' }])).toThrow(
      'app:confirmClose refused: argument 1.proceed must be true or false, got string'
    )
  })

  it.each([
    [
      'plan:save' as const,
      [{ ...(VALID_ARGS['plan:save'][0] as object), expected: { ...stamp, sha256: 'Z'.repeat(64) } }],
      'plan:save refused: argument 1.expected.sha256 has an invalid format',
    ],
    [
      'plan:openRecent' as const,
      [{ path: 'p'.repeat(4097) }],
      'plan:openRecent refused: argument 1.path must be at most 4096 characters (got 4097)',
    ],
    [
      'plan:save' as const,
      [{ ...(VALID_ARGS['plan:save'][0] as object), expected: { ...stamp, sizeBytes: 1.5 } }],
      'plan:save refused: argument 1.expected.sizeBytes must be a whole number',
    ],
    [
      'recovery:discard' as const,
      [JSON.parse('{"__proto__": {"polluted": true}, "docId": "a"}')],
      'recovery:discard refused: argument 1 has unexpected field(s): __proto__',
    ],
    [
      'app:confirmClose' as const,
      [{}],
      'app:confirmClose refused: argument 1 is missing the field "proceed"',
    ],
    ['app:info' as const, [1], 'app:info refused: arguments must be 0 value(s), got 1'],
    [
      'export:saveFile' as const,
      [{ suggestedName: 'a', kind: 'exe', bytes: new Uint8Array(1) }],
      'export:saveFile refused: argument 1.kind must be one of xlsx, csv, png',
    ],
  ])('names the place and the rule: %s', (channel, payload, message) => {
    expect(() => checkInvoke(channel, trustedEvent() as never, payload)).toThrow(message)
  })
})

describe('the dev server', () => {
  const devFrame = { url: 'http://localhost:5173/index.html', parent: null }

  it('is trusted only unpackaged and only when electron-vite set ELECTRON_RENDERER_URL', () => {
    expect(isTrustedSenderFrame(devFrame as never, null)).toBe(false)
    process.env['ELECTRON_RENDERER_URL'] = 'http://localhost:5173'
    expect(() => checkInvoke('app:info', { senderFrame: devFrame } as never, [])).not.toThrow()
    app.isPackaged = true
    expect(() => checkInvoke('app:info', { senderFrame: devFrame } as never, [])).toThrow(
      /not the Stackplan page/
    )
  })

  it('does not extend to other origins on localhost', () => {
    process.env['ELECTRON_RENDERER_URL'] = 'http://localhost:5173'
    const other = { senderFrame: { url: 'http://localhost:8080/', parent: null } }
    expect(() => checkInvoke('app:info', other as never, [])).toThrow(/not the Stackplan page/)
  })
})

describe('handle()', () => {
  it('never calls the handler for a refused sender or payload', async () => {
    const handler = vi.fn(() => ({ version: '1', platform: 'linux' }))
    handle('app:info', handler)
    expect(ipcHandlers.has('app:info')).toBe(true)
    await expect(invokeHandler('app:info', { senderFrame: null })).rejects.toThrow(/refused/)
    await expect(invokeHandler('app:info', trustedEvent(), 'extra')).rejects.toThrow(/refused/)
    expect(handler).not.toHaveBeenCalled()
    await expect(invokeHandler('app:info', trustedEvent())).resolves.toEqual({
      version: '1',
      platform: 'linux',
    })
    expect(handler).toHaveBeenCalledTimes(1)
  })

  it('passes validated copies, not the objects the page sent', async () => {
    const handler = vi.fn()
    handle('app:confirmClose', handler)
    const sent = { proceed: true }
    await invokeHandler('app:confirmClose', trustedEvent(), sent)
    const received = handler.mock.calls[0]?.[1] as object
    expect(received).toEqual(sent)
    expect(received).not.toBe(sent)
  })
})
