/**
 * The CSS variable of an Atlassian design token, with a fallback. Same result as `token()` of
 * @atlaskit/tokens, whose runtime carries a table of every token name (about 38 kB of each UI
 * bundle); the variable name follows from the token name by a fixed rule instead: the `color.` and
 * `elevation.` groups are dropped and dots become dashes. A test checks every token the UIs use
 * against the library's own answer.
 * @example token('color.text.subtle', '#44546F') // "var(--ds-text-subtle, #44546F)"
 */
export function tokenVar(name: string): string {
  return `--ds-${name.replace(/^(color|elevation)\./, '').replace(/\./g, '-')}`;
}

export function token(name: string, fallback: string): string {
  return `var(${tokenVar(name)}, ${fallback})`;
}
