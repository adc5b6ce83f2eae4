/**
 * Keeps Tab inside a modal layer: Tab on its last focusable element goes to the first, Shift+Tab on the first
 * goes to the last. `selector` names what counts as focusable in that layer. Other keys are left alone.
 */
export function wrapTabFocus(e: KeyboardEvent, container: HTMLElement, selector: string): void {
  if (e.key !== 'Tab') return
  const items = Array.from(container.querySelectorAll<HTMLElement>(selector))
  const first = items[0]
  const last = items[items.length - 1]
  if (!first || !last) return
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault()
    last.focus()
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault()
    first.focus()
  }
}
