// A box drawn over the middle of the screen: dialogs, forms, progress and search views.
// Ink has no background fill for absolute boxes, so the contents pad every line to the
// full inner width (modalFill) to hide what is drawn beneath.
import type { ReactNode } from 'react';
import { Box } from 'ink';
import { padToWidth } from '../text/width.js';

export interface ModalProps {
  width: number;
  height: number;
  /** The area to centre in. */
  cols: number;
  rows: number;
  borderColor: string | undefined;
  children: ReactNode;
}

export function Modal({ width, height, cols, rows, borderColor, children }: ModalProps) {
  return (
    <Box
      position="absolute"
      marginLeft={Math.max(0, Math.floor((cols - width) / 2))}
      marginTop={Math.max(0, Math.floor((rows - height) / 2))}
      width={width}
      height={height}
      flexDirection="column"
      borderStyle="double"
      borderColor={borderColor}
    >
      {children}
    </Box>
  );
}

/** One line of a modal `width` wide: a space of margin, then the text padded to the border. */
export function modalFill(width: number): (text: string) => string {
  const inner = width - 2;
  return (text: string) => padToWidth(` ${text}`, inner);
}
