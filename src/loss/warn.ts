/**
 * PyTorch's warnings (Python's `warnings.warn(..., UserWarning)`), surfaced the JavaScript
 * way: `console.warn('UserWarning: <message>')`, each message once per module instance, as
 * Python's default filter shows a warning once per place it is raised. Like Python's stderr,
 * console.warn is not a cell's printed output: a reader sees it in the browser's console.
 *
 * Private to the loss module.
 */
const shown = new Set<string>();

export function warnOnce(message: string): void {
  if (shown.has(message)) return;
  shown.add(message);
  console.warn(`UserWarning: ${message}`);
}
