// u / D: `docker-compose up -d` / `down` of the selected project, only through a compose
// binary on PATH (they need the compose file, which the Engine API does not know).
import type { AppContextValue } from '../../app/app-context.js';
import { setStatus } from '../../app/status.js';
import type { ProjectRow } from './rows.js';

export function composeActions(ctx: AppContextValue, selected: () => ProjectRow | undefined) {
  const notYet = () => selected() && setStatus(ctx, 'up/down through docker-compose is not available in this build', 'info');
  return { 'project.up': notYet, 'project.down': notYet };
}
