/**
 * Keyboard behaviour of a menu button and its menu (WAI-ARIA APG "menu button"): Enter, Space or ArrowDown
 * on the button open the menu on its first item, ArrowUp on its last; inside the menu ArrowDown/ArrowUp move
 * (wrapping), Home/End jump, Escape closes it and gives focus back to the button, Tab closes it.
 * The menu and its button share a parent element; the button carries aria-haspopup="menu".
 */

/** The enabled items of a menu, in order. */
export function menuItems(menu: Element | null | undefined): HTMLElement[] {
  if (!menu) return []
  return [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]:not(:disabled)')]
}

/** Focuses the first or last enabled item of the menu inside `anchor` (the button's parent). */
export function focusMenuItem(anchor: Element | null | undefined, which: 'first' | 'last'): void {
  const items = menuItems(anchor?.querySelector('[role="menu"]'))
  const item = which === 'first' ? items[0] : items[items.length - 1]
  item?.focus()
}

/** The key on the menu button that opens the menu, and where focus lands, or null for other keys. */
export function openingKey(e: KeyboardEvent): 'first' | 'last' | null {
  if (e.key === 'ArrowDown') return 'first'
  if (e.key === 'ArrowUp') return 'last'
  return null
}

/**
 * Handles a key pressed inside an open menu. `close` hides it; focus returns to the menu's button on Escape.
 * Returns true when the key was used.
 */
export function onMenuKeydown(e: KeyboardEvent, close: () => void): boolean {
  const menu = e.currentTarget as HTMLElement
  const items = menuItems(menu)
  const index = items.indexOf(document.activeElement as HTMLElement)
  const move = (to: number): void => {
    items[(to + items.length) % items.length]?.focus()
  }
  switch (e.key) {
    case 'ArrowDown':
      move(index + 1)
      break
    case 'ArrowUp':
      move(index < 0 ? items.length - 1 : index - 1)
      break
    case 'Home':
      move(0)
      break
    case 'End':
      move(items.length - 1)
      break
    case 'Escape': {
      const button = menu.parentElement?.querySelector<HTMLElement>('[aria-haspopup="menu"]')
      close()
      button?.focus()
      break
    }
    case 'Tab':
      close()
      return false
    default:
      return false
  }
  e.preventDefault()
  e.stopPropagation()
  return true
}
