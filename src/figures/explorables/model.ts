/**
 * An explorable is a model: a state (what the reader set), the controls that set it, and a
 * view computed from the state by the loss module (the figures' specs, the numbers shown,
 * the sentence announced after a change, and the cell code that computes the same state).
 *
 * The model is pure and runs in both places: at build time the component renders the view
 * of the initial state into static HTML (src/components/figures/Explorable.astro); in the
 * page, hydrate.ts recomputes the view on every change and redraws.
 */
import type { FigureSpec } from '../spec.ts';
import type { FigureTable } from '../table.ts';

/** A slider (an <input type="range">: ARIA slider semantics, arrow keys, announced value). */
export interface RangeControl {
  kind: 'range';
  name: string;
  label: string;
  min: number;
  max: number;
  step: number;
  value: number;
  /** What the slider shows next to it (an <output>). */
  display: string;
  /** What a screen reader announces for the value (aria-valuetext): the value and what it gives. */
  valueText: string;
}

/** One of a few values (radio buttons in a fieldset). */
export interface ChoiceControl {
  kind: 'choice';
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value: string;
}

export type Control = RangeControl | ChoiceControl;

/** A number the explorable shows (and a screen reader can read): "loss" → "1.2040". */
export interface Readout {
  label: string;
  value: string;
}

export interface View {
  /** The figures, in the order of the component's figure slots. */
  figures: FigureSpec[];
  /** A short visible heading over each figure, when there are several ("Loss", "Gradient"). */
  labels?: string[];
  readout: Readout[];
  /** Said (politely) after a change the reader did not make with a slider. */
  announce: string;
  /** A cell's code that computes this state with the loss module ("Open as code"). */
  code: string;
  /** The numbers, as tables (by default each figure's own). */
  tables?: FigureTable[];
}

/** Where the pointer is on a figure, in its data units (KindSupport.invert in ./hydrate.ts). */
export interface PointerAt {
  figure: number;
  x: number;
  y: number;
  /** Where the press began (the same as x, y for a press, or when pointing without one). */
  start: { x: number; y: number };
}

export interface ExplorableModel<S> {
  /** The name the page uses to find the component's elements (data-explorable). */
  name: string;
  /** A valid state from partial input (props, or the JSON in the page), with defaults. */
  state(input: Partial<S>): S;
  controls(state: S): Control[];
  /** The state after a control changed (the value as the input holds it). */
  set(state: S, name: string, value: string): S;
  view(state: S): View;
  /** The state after a pointer press or drag at `at` (null: that figure does not respond). */
  drag?(state: S, at: PointerAt): S | null;
}

/** Clamp v into [min, max] and round it to the step grid that starts at min. */
export function snap(v: number, min: number, max: number, step: number): number {
  const k = Math.round((Math.min(max, Math.max(min, v)) - min) / step);
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number((min + k * step).toFixed(decimals));
}
