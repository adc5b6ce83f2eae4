export type DetailTab = 'breakdown' | 'power' | 'storage' | 'capabilities'
