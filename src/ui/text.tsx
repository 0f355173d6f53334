// The only component that puts text on the screen: Ink's Text, with every child passed
// through the sanitizer whatever its type. Engine data typed as a number or boolean can
// hold any JSON a hostile engine sends (OSC 52, titles, CSI 2J), and a view that forgets to
// sanitize one field would hand it to the terminal raw; here it cannot. Importing Text
// from 'ink' anywhere else is refused by ESLint (eslint.config.js, no-restricted-imports)
// and by test/unit/safe-text-only.test.tsx.
// Cost: clean ASCII strings take one regex test (see sanitize's fast path).
import { isValidElement, type ReactNode } from 'react';

import { Text as InkText, type TextProps as InkTextProps } from 'ink';
import { displayTextKeepingSgr } from '../text/display.js';

export type TextProps = Omit<InkTextProps, 'children'> & {
  /** Anything: strings, numbers, nested <Text>, arrays of them; other values shown as JSON. */
  children?: unknown;
};

export function Text({ children, ...props }: TextProps) {
  return <InkText {...props}>{safeNode(children)}</InkText>;
}

/** Elements pass (they are Text themselves); everything else becomes sanitised text. */
export function safeNode(node: unknown): ReactNode {
  if (node === null || node === undefined || typeof node === 'boolean') return null;
  if (typeof node === 'string') return displayTextKeepingSgr(node);
  if (isValidElement(node)) return node;
  if (Array.isArray(node)) return node.map(safeNode);
  return displayTextKeepingSgr(node);
}
