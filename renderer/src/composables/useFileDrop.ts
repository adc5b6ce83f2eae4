import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'
import { useDocumentStore } from '../stores/document'
import { INVENTORY_FILE_PATTERN, useInventoryStore } from '../stores/inventory'

function hasFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files')
}

/**
 * Opens a .stackplan file dropped anywhere on the window, or imports dropped inventory files (.xlsx, .csv,
 * .zip: one export or several together); `isDragging` drives the drop hint.
 */
export function useFileDrop(): { isDragging: Ref<boolean> } {
  const doc = useDocumentStore()
  const inventory = useInventoryStore()
  const isDragging = ref(false)
  let depth = 0

  const onEnter = (e: DragEvent): void => {
    if (!hasFiles(e)) return
    depth++
    isDragging.value = true
  }
  const onLeave = (e: DragEvent): void => {
    if (!hasFiles(e)) return
    depth = Math.max(0, depth - 1)
    if (depth === 0) isDragging.value = false
  }
  const onOver = (e: DragEvent): void => {
    if (!hasFiles(e)) return
    e.preventDefault()
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'
  }
  const onDrop = (e: DragEvent): void => {
    if (!hasFiles(e)) return
    e.preventDefault()
    depth = 0
    isDragging.value = false
    const files = Array.from(e.dataTransfer?.files ?? [])
    const inventoryFiles = files.filter((f) => INVENTORY_FILE_PATTERN.test(f.name))
    if (inventoryFiles.length > 0 && inventoryFiles.length === files.length)
      void inventory.importFiles(inventoryFiles)
    else if (files[0]) void doc.openDroppedFile(files[0])
  }

  onMounted(() => {
    window.addEventListener('dragenter', onEnter)
    window.addEventListener('dragleave', onLeave)
    window.addEventListener('dragover', onOver)
    window.addEventListener('drop', onDrop)
  })
  onBeforeUnmount(() => {
    window.removeEventListener('dragenter', onEnter)
    window.removeEventListener('dragleave', onLeave)
    window.removeEventListener('dragover', onOver)
    window.removeEventListener('drop', onDrop)
  })
  return { isDragging }
}
