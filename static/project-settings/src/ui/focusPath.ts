/** Moves keyboard focus to the control editing `path` (or the first one beneath it), skipping hidden tabs. */
export function focusPath(path: string, root: ParentNode = document): boolean {
  const controls = Array.from(root.querySelectorAll<HTMLElement>('[data-path]')).filter((el) => !el.closest('[hidden]'));
  const exact = controls.find((el) => el.getAttribute('data-path') === path);
  const beneath = controls.find((el) => (el.getAttribute('data-path') ?? '').startsWith(path));
  const target = exact ?? beneath;
  target?.focus();
  return target !== undefined;
}
