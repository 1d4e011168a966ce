/**
 * Finds the exercises of a chapter in its Markdown (mdast) tree. An exercise is a run of
 * sibling blocks that reads as plain Markdown on a code forge:
 *
 *   ```ts exercise          the starter: the code the reader edits (flags: timeout=<ms>)
 *   ```ts check             one or more: the author's checks (import from '@exercise')
 *   ```ts solution          exactly one: revealed on request; the doc-tests run it
 *   Hints:                  optional: a paragraph "Hints:" (or "Hint:", "**Hints**")
 *   1. ...                  followed by a list, revealed one item at a time
 *
 * The check and solution fences and the hints follow the exercise fence in any order,
 * with nothing else in between. Used by the remark plugin (build), the doc-tests and
 * the book validator, so all agree on what an exercise is.
 */
import type { Code, List, Paragraph, Parent, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { DEFAULT_TIMEOUT_MS } from '../cell-flags.ts';

export interface FoundExercise {
  /** The ```ts exercise fence (the starter). */
  starter: Code;
  checks: Code[];
  solution: Code | null;
  /** The "Hints:" paragraph and its list, when present. */
  hintsLabel: Paragraph | null;
  hints: List | null;
  timeout: number;
  parent: Parent;
  /** Index of `starter` in `parent.children`. */
  index: number;
  /** Number of sibling nodes the exercise spans, from `index`. */
  span: number;
  /** 1-based line of the exercise fence. */
  line: number;
}

/** An authoring mistake: the line to look at and what to do. */
export interface ExerciseProblem {
  line: number;
  message: string;
}

const TS = new Set(['ts', 'typescript']);

/** The role of a fence: 'exercise' | 'check' | 'solution' | null (any other fence). */
export function exerciseRole(node: RootContent): 'exercise' | 'check' | 'solution' | null {
  if (node.type !== 'code' || !node.lang || !TS.has(node.lang)) return null;
  const word = (node.meta ?? '').trim().split(/\s+/)[0];
  return word === 'exercise' || word === 'check' || word === 'solution' ? word : null;
}

function isHintsLabel(node: RootContent | undefined): node is Paragraph {
  if (!node || node.type !== 'paragraph') return false;
  const text = node.children
    .map((c) =>
      'value' in c
        ? c.value
        : 'children' in c
          ? c.children.map((d) => ('value' in d ? d.value : '')).join('')
          : '',
    )
    .join('');
  return /^\s*hints?\s*:?\s*$/i.test(text);
}

/** The exercises of a tree in document order, and the authoring mistakes found. */
export function collectExercises(tree: Root): { exercises: FoundExercise[]; problems: ExerciseProblem[] } {
  const exercises: FoundExercise[] = [];
  const problems: ExerciseProblem[] = [];
  const claimed = new Set<Code>();
  visit(tree, 'code', (node: Code, index, parent) => {
    if (index === undefined || !parent || exerciseRole(node) !== 'exercise') return;
    const line = node.position?.start.line ?? 0;
    let timeout = DEFAULT_TIMEOUT_MS;
    for (const word of (node.meta ?? '').trim().split(/\s+/).slice(1)) {
      const m = /^timeout=(\d+)$/.exec(word);
      if (m && Number(m[1]) > 0) timeout = Number(m[1]);
      else
        problems.push({
          line,
          message: `unknown exercise flag "${word}": an exercise fence is \`\`\`ts exercise, optionally with timeout=<ms>`,
        });
    }
    const found: FoundExercise = {
      starter: node,
      checks: [],
      solution: null,
      hintsLabel: null,
      hints: null,
      timeout,
      parent,
      index,
      span: 1,
      line,
    };
    const siblings = parent.children as RootContent[];
    let i = index + 1;
    for (; i < siblings.length; i++) {
      const next = siblings[i];
      const role = exerciseRole(next);
      if (role === 'check') {
        found.checks.push(next as Code);
      } else if (role === 'solution') {
        if (found.solution) {
          problems.push({
            line: next.position?.start.line ?? line,
            message: `this exercise (line ${line}) has a second \`\`\`ts solution fence: keep one`,
          });
        } else {
          found.solution = next as Code;
        }
      } else if (isHintsLabel(next) && !found.hints) {
        const list = siblings[i + 1];
        if (!list || list.type !== 'list') {
          problems.push({
            line: next.position?.start.line ?? line,
            message: 'a "Hints:" line must be followed by a list of hints (1. … 2. …)',
          });
          break;
        }
        found.hintsLabel = next;
        found.hints = list;
        i += 1;
      } else {
        break;
      }
      claimed.add(next as Code);
    }
    found.span = i - index;
    if (found.checks.length === 0) {
      problems.push({
        line,
        message:
          "this exercise has no ```ts check fence after it: add one that calls check(...) from '@exercise', so a reader's Run can say what is right",
      });
    }
    if (!found.solution) {
      problems.push({
        line,
        message:
          'this exercise has no ```ts solution fence after it: add one (readers can reveal it, and the doc-tests run it against the checks)',
      });
    }
    if (found.starter.value.trim() === '') {
      problems.push({
        line,
        message:
          'this exercise has an empty starter: give the reader something to edit, e.g. a function whose body they write',
      });
    }
    exercises.push(found);
  });
  visit(tree, 'code', (node: Code) => {
    const role = exerciseRole(node);
    if ((role === 'check' || role === 'solution') && !claimed.has(node)) {
      problems.push({
        line: node.position?.start.line ?? 0,
        message: `this \`\`\`ts ${role} fence does not belong to an exercise: put it right after a \`\`\`ts exercise fence (or its other check/solution fences and hints), with no text in between`,
      });
    }
  });
  problems.sort((a, b) => a.line - b.line);
  return { exercises, problems };
}
