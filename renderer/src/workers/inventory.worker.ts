// The inventory import Web Worker: reads RVTools exports and VM CSVs off the window's main thread.
// Cancelling terminates the worker, so a huge file never holds the window.
import { handleInventoryRequest } from './inventory-handler'
import type { InventoryReply, InventoryRequest } from './inventory-protocol'

const scope = self as unknown as DedicatedWorkerGlobalScope

scope.onmessage = (event: MessageEvent<InventoryRequest>) => {
  void handleInventoryRequest(event.data, (reply: InventoryReply) => scope.postMessage(reply))
}
