/**
 * How the remark plugins hand typed props (./page-props.ts) to a component: an MDX element
 * whose one attribute is a spread of the props object, written as an expression
 * (`<Cell {...{"index": 0, "timeout": 5000, ...}} />`), so that numbers stay numbers and
 * lists stay lists on the way to the component.
 */
import type { Node } from 'unist';
import type { BlockContent, DefinitionContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { valueToEstree } from 'estree-util-value-to-estree';

/** An MDX element `<name {...props}>children</name>`, at `position` in the file. */
export function propsElement<P extends object>(
  name: string,
  props: P,
  children: (BlockContent | DefinitionContent)[],
  position: Node['position'],
): MdxJsxFlowElement {
  return {
    type: 'mdxJsxFlowElement',
    name,
    attributes: [
      {
        type: 'mdxJsxExpressionAttribute',
        value: `...${JSON.stringify(props)}`,
        data: {
          estree: {
            type: 'Program',
            sourceType: 'module',
            body: [
              {
                type: 'ExpressionStatement',
                expression: {
                  type: 'ObjectExpression',
                  properties: [{ type: 'SpreadElement', argument: valueToEstree(props) }],
                },
              },
            ],
          },
        },
      },
    ],
    children,
    position,
  };
}

/** The props an element made by propsElement carries (for tests). */
export function propsOf<P>(element: MdxJsxFlowElement): P {
  const spread = element.attributes.find((a) => a.type === 'mdxJsxExpressionAttribute');
  if (!spread) throw new Error(`<${element.name}> carries no props`);
  return JSON.parse(spread.value.slice(3)) as P;
}
