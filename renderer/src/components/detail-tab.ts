export type DetailTab =
  | 'breakdown'
  | 'power'
  | 'storage'
  | 'capabilities'
  | 'sensitivity'
  | 'uncertainty'
  | 'transition'
