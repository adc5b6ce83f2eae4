import { spawn } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')

describe('npm run check:package', () => {
  it(
    'packs app.asar with only the built app, within 5 MB, and its main bundle boots',
    async () => {
      const child = spawn(process.execPath, [path.join(root, 'build/check-package.mjs')], {
        cwd: root,
        env: { ...process.env, FORCE_COLOR: '0' },
      })
      let output = ''
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
      expect(output, output.slice(-4000)).toContain('[check:package] OK')
      expect(code).toBe(0)
      for (const file of [
        'out/main/index.js',
        'out/preload/index.cjs',
        'out/renderer/index.html',
        'package.json',
      ]) {
        expect(output).toMatch(new RegExp(`^  ${file.replace(/\./g, '\\.')}$`, 'm'))
      }
      const size = /app\.asar size: (\d+) bytes/.exec(output)
      expect(Number(size?.[1])).toBeGreaterThan(0)
      expect(Number(size?.[1])).toBeLessThanOrEqual(5 * 1024 * 1024)
      expect(output).toMatch(/fuses NOT flipped/)
      // The packed main bundle boots (stub electron), opens its window and gets index.html from app://.
      expect(output).toContain('[smoke] loadURL app://stackplan/index.html')
      expect(output).toContain('[smoke] page 200 text/html; charset=utf-8')
    },
    5 * 60_000
  )
})
