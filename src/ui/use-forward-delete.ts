// Ink 6 reports both the Backspace key (DEL, 0x7f) and the Delete key (ESC [3~) as
// `key.delete`, so a text field could not tell "delete back" from "delete forward". This
// hook listens to the same raw input Ink parses — registered before useInput, so it hears
// each read first — and marks a read that was the Delete key's own sequence.
import { useCallback, useEffect, useRef } from 'react';
import { useStdin, type Key } from 'ink';

/** Sequences terminals send for Delete (xterm, with modifiers, rxvt, the kitty protocol). */
const FORWARD_DELETE = /^\x1b\[3(;\d+)?[~$^]$|^\x1b\[3;?\d*:?\d*~$/;

export function useForwardDelete(handler: (input: string, key: Key & { forwardDelete?: boolean }) => void): (input: string, key: Key) => void {
  const { internal_eventEmitter: events } = useStdin();
  const last = useRef('');
  useEffect(() => {
    const onInput = (data: string | Buffer) => {
      last.current = String(data);
    };
    events.on('input', onInput);
    return () => {
      events.off('input', onInput);
    };
  }, [events]);
  return useCallback(
    (input: string, key: Key) => handler(input, key.delete && FORWARD_DELETE.test(last.current) ? { ...key, forwardDelete: true } : key),
    [handler],
  );
}
