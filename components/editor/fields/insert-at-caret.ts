export type TextControl = HTMLInputElement | HTMLTextAreaElement;

/**
 * Puts `token` where the caret (or selection) of `control` is, through `onChange`, then gives the
 * control focus back with the caret just after the token. Without a control, it goes at the end.
 */
export function insertAtCaret(
  control: TextControl | null,
  value: string,
  token: string,
  onChange: (next: string) => void,
): void {
  const start = control?.selectionStart ?? value.length;
  const end = control?.selectionEnd ?? start;
  onChange(value.slice(0, start) + token + value.slice(end));
  const caret = start + token.length;
  // After React has rendered the new value, or the caret would land at the end.
  requestAnimationFrame(() => {
    control?.focus();
    control?.setSelectionRange(caret, caret);
  });
}
