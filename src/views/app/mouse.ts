// Subscribes the app to the mouse reports its stdin (a FilteredStdin) parses; the
// controller decides what a click or a wheel notch does (src/app/dispatch/mouse.ts).
import { useEffect } from 'react';
import { useStdin } from 'ink';
import type { Controller } from '../../app/dispatch/controller.js';
import type { MouseEvent } from '../../keys/mouse.js';

export function useMouse(controller: Controller): void {
  const { stdin } = useStdin();
  useEffect(() => {
    const onMouse = (e: MouseEvent) => controller.handleMouse(e);
    stdin.on('mouse', onMouse);
    return () => {
      stdin.off('mouse', onMouse);
    };
  }, [controller, stdin]);
}
