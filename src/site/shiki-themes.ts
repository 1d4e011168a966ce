/**
 * The code highlighting themes, shared by the Markdown pipeline (astro.config.mjs) and
 * components that highlight code themselves with Astro's <Code> (a figure's cell).
 * github-light fails axe colour contrast; the high-contrast variants pass. Both themes are
 * emitted as CSS light-dark() colours, which follow the page's color-scheme (the system
 * setting, or the reader's choice: src/components/ThemeToggle.astro).
 */
export const SHIKI_THEMES = {
  light: 'github-light-high-contrast',
  dark: 'github-dark-high-contrast',
} as const;
export const SHIKI_DEFAULT_COLOR = 'light-dark()';
