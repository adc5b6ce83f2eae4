// Child process for kill-during-save.test.ts: saves two planning texts alternately, as fast as it can,
// until the parent kills it with SIGKILL. Prints "R" once the module is loaded, then "." after each save.
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

const [bundlePath, target, firstTextPath, secondTextPath] = process.argv.slice(2)
const { savePlanText } = await import(pathToFileURL(bundlePath).href)
const texts = [readFileSync(firstTextPath, 'utf8'), readFileSync(secondTextPath, 'utf8')]

process.stdout.write('R')
for (let i = 0; ; i++) {
  await savePlanText({ path: target, text: texts[i % 2], expected: null, overwrite: true })
  process.stdout.write('.')
}
